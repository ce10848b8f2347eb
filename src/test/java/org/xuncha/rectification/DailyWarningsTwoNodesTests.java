package org.xuncha.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.XunchaApplication;

/**
 * Two application instances against one PostgreSQL run the daily warning job at the same moment: the job runs on one
 * node only, and every warning (task, colour) is sent exactly once.
 */
class DailyWarningsTwoNodesTests {

    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(server.getPostgresDatabase());
        admin.execute("create role xuncha_nodes login password 'nodes-secret-pw'");
        admin.execute("create database xuncha_nodes owner xuncha_nodes");
        url = "jdbc:postgresql://localhost:" + server.getPort() + "/xuncha_nodes";
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void twoNodesSendEachWarningExactlyOnce() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            // the demo (pilot round, its tasks, today's warnings) is complete before the second node starts
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> count(
                                            jdbc,
                                            "select count(*) from rectification.task_history where action = 'SUBMITTED'")
                                    >= 3
                            && count(jdbc, "select count(*) from rectification.job_run") == 1
                            && count(jdbc, "select count(*) from event_publication where completion_date is null")
                                    == 0);
            try (ConfigurableApplicationContext second = start()) {
                LocalDate day = LocalDate.now().plusYears(3);
                long expected = count(
                        jdbc,
                        "select count(*) from rectification.task t where t.state <> 'CLOSED_OUT' and not exists"
                                + " (select 1 from rectification.warning_sent w where w.task_id = t.id"
                                + " and w.colour = 'RED')");
                assertThat(expected).isPositive();
                long notificationsBefore = count(jdbc, "select count(*) from notifications.notification");

                List<List<DailyWarnings.Sent>> runs = concurrently(first, second, day);
                assertThat(runs).anySatisfy(run -> assertThat(run).isEmpty());
                assertThat(runs.get(0).size() + runs.get(1).size()).isEqualTo((int) expected);
                assertThat(
                                count(
                                        jdbc,
                                        "select count(*) from rectification.job_run where day = current_date + interval '3 years'"))
                        .isEqualTo(1);
                assertThat(count(jdbc, "select count(*) from rectification.warning_sent where colour = 'RED'"))
                        .isEqualTo(count(jdbc, "select count(*) from rectification.task where state <> 'CLOSED_OUT'"));
                long notificationsAfter = count(jdbc, "select count(*) from notifications.notification");
                assertThat(notificationsAfter).isGreaterThan(notificationsBefore);

                // the next day both nodes find nothing new to send: red was sent once, ever
                List<List<DailyWarnings.Sent>> again = concurrently(first, second, day.plusDays(1));
                assertThat(again).allSatisfy(run -> assertThat(run).isEmpty());
                assertThat(count(jdbc, "select count(*) from notifications.notification"))
                        .isEqualTo(notificationsAfter);
            }
        }
    }

    private static List<List<DailyWarnings.Sent>> concurrently(
            ConfigurableApplicationContext a, ConfigurableApplicationContext b, LocalDate day) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<DailyWarnings.Sent>>> runs = List.of(a, b).stream()
                .map(context -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return context.getBean(DailyWarnings.class).runFor(day);
                }))
                .toList();
        go.countDown();
        return runs.stream().map(CompletableFuture::join).toList();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static ConfigurableApplicationContext start() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "node-");
        return new SpringApplicationBuilder(XunchaApplication.class)
                .run(
                        "--xuncha.test.keep-data-dir=true",
                        "--xuncha.data-dir=" + dataDir,
                        "--xuncha.database.url=" + url,
                        "--xuncha.database.user=xuncha_nodes",
                        "--xuncha.database.password=nodes-secret-pw",
                        "--xuncha.field-key=00112233445566778899aabbccddeeff",
                        "--xuncha.demo.enabled=true",
                        "--server.port=0");
    }
}
