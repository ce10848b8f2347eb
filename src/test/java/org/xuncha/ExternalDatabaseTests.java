package org.xuncha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Against an external PostgreSQL (XUNCHA_DB_URL set) the first start loads no demo and creates only the system admin,
 * whose one-time password is printed once and must be changed; a missing field key stops the start.
 */
class ExternalDatabaseTests {

    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(server.getPostgresDatabase());
        admin.execute("create role xuncha_ext login password 'ext-secret-pw'");
        admin.execute("create database xuncha_ext owner xuncha_ext");
        url = "jdbc:postgresql://localhost:" + server.getPort() + "/xuncha_ext";
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void firstStartCreatesOnlyTheSystemAdminWithAOneTimePassword() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, "UTF-8"));
        try (ConfigurableApplicationContext app =
                start(Map.of("xuncha.field-key", "00112233445566778899aabbccddeeff"))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select username from identity.user_account", String.class))
                    .containsExactly("sysadmin");
            assertThat(jdbc.queryForObject("select must_change_password from identity.user_account", Boolean.class))
                    .isTrue();
            assertThat(jdbc.queryForObject("select count(*) from organization.region", Long.class))
                    .isZero();
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString("UTF-8")).contains("sysadmin\t").contains("one-time password");
    }

    @Test
    void refusesToStartWithoutAFieldKey() {
        assertThatThrownBy(() -> start(Map.of()).close()).hasStackTraceContaining("XUNCHA_FIELD_KEY is not set");
    }

    @Test
    void refusesAWeakFieldKey() {
        assertThatThrownBy(() -> start(Map.of("xuncha.field-key", "00000000000000000000000000000000"))
                        .close())
                .hasStackTraceContaining("weak");
    }

    private static ConfigurableApplicationContext start(Map<String, Object> extra) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-");
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("xuncha.test.keep-data-dir", "true");
        properties.put("xuncha.data-dir", dataDir.toString());
        properties.put("xuncha.database.url", url);
        properties.put("xuncha.database.user", "xuncha_ext");
        properties.put("xuncha.database.password", "ext-secret-pw");
        properties.put("xuncha.demo.enabled", "");
        properties.put("server.port", "0");
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(XunchaApplication.class).run(args);
    }
}
