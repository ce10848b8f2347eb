package org.xuncha.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;

/**
 * The scorecard page over MockMvc on the demo district: who may see it, every figure's link lands on a list whose
 * count is the figure, the export has as many rows, and a region outside the caller's scope answers 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsWebTests {

    private static final Pattern CARD =
            Pattern.compile("data-figure=\"([A-Z_]+)\"[^>]*>\\s*<div class=\"figure\">(\\d+)</div>");
    private static final Pattern MEASURE = Pattern.compile("data-testid=\"measure\">(\\d+)<");
    private static final Pattern COUNT = Pattern.compile("data-testid=\"count\">(\\d+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    long pilot;

    @BeforeEach
    void demoIsLoaded() {
        pilot = awaitPilot(jdbc);
    }

    static long awaitPilot(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from planning.round where kind = 'PILOT' and state <> 'IN_FIELD'"
                                        + " and state <> 'PLANNED' and state <> 'APPROVED'")
                                .query(Long.class)
                                .single()
                        == 1);
        // the demo records the pilot's findings, leads, tasks and revisits asynchronously: wait until it is quiet
        String[] last = {""};
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String now = jdbc.sql(
                                    "select (select count(*) filter (where state = 'APPROVED') from findings.finding)"
                                            + " || '/' || (select count(*) from findings.finding)"
                                            + " || '/' || (select count(*) from findings.lead)"
                                            + " || '/' || (select count(*) from rectification.task)"
                                            + " || '/' || (select count(*) from revisits.answer)"
                                            + " || '/' || (select count(*) from fieldwork.household_visit)"
                                            + " || '/' || (select count(*) from intake.petition)")
                            .query(String.class)
                            .single();
                    boolean quiet = now.equals(last[0]) && !now.startsWith("0/");
                    last[0] = now;
                    return quiet;
                });
        return jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single();
    }

    @Test
    void everyFigureOfTheScorecardLinksToAListWithTheSameCount() throws Exception {
        Cookie office = signIn("office");
        String page = html("/statistics?round=" + pilot, office);
        Matcher cards = CARD.matcher(page);
        int seen = 0;
        while (cards.find()) {
            seen++;
            Figure figure = Figure.valueOf(cards.group(1));
            long value = Long.parseLong(cards.group(2));
            String list = html("/statistics/records?figure=" + figure + "&round=" + pilot, office);
            assertThat(number(MEASURE, list)).as(figure.name()).isEqualTo(value);
            if (!figure.summed()) {
                assertThat(number(COUNT, list)).as(figure.name()).isEqualTo(value);
            }
        }
        assertThat(seen).isEqualTo(Figure.values().length);
        assertThat(page).contains("发现问题").contains("巡察村居");
        long findings = jdbc.sql("select count(*) from findings.finding where round_id = :r and state = 'APPROVED'")
                .param("r", pilot)
                .query(Long.class)
                .single();
        assertThat(findings).isPositive();
        assertThat(page).contains("data-figure=\"FINDINGS\"");
    }

    @Test
    void theExportHasOneRowPerRecordOfTheList() throws Exception {
        Cookie office = signIn("office");
        String list = html("/statistics/records?figure=HOUSEHOLDS_VISITED&round=" + pilot, office);
        long count = number(COUNT, list);
        byte[] xlsx = mvc.perform(get("/statistics/records.xlsx?figure=HOUSEHOLDS_VISITED&round=" + pilot)
                        .cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo((int) count);
        }
    }

    @Test
    void groupRolesAdministratorsAndReceiversHaveNoScorecard() throws Exception {
        for (String user : new String[] {"groupmember", "groupleader", "sysadmin", "auditor", "receiver"}) {
            Cookie cookie = signIn(user);
            for (String url : new String[] {"/statistics", "/statistics/records?figure=FINDINGS", "/dashboard"}) {
                assertThat(mvc.perform(get(url).cookie(cookie))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(user + " " + url)
                        .isEqualTo(403);
            }
        }
        mvc.perform(get("/dashboard").cookie(signIn("liaison"))).andExpect(status().isForbidden());
        mvc.perform(get("/statistics").cookie(signIn("liaison"))).andExpect(status().isOk());
        mvc.perform(get("/statistics").cookie(signIn("leader"))).andExpect(status().isOk());
    }

    @Test
    void theLiaisonCannotNarrowToAnotherTownship() throws Exception {
        long fengqiao = jdbc.sql("select id from organization.region where name = '冯桥镇'")
                .query(Long.class)
                .single();
        mvc.perform(get("/statistics?region=" + fengqiao).cookie(signIn("liaison")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/statistics/records?figure=FINDINGS&region=" + fengqiao)
                        .cookie(signIn("liaison")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/statistics?region=" + fengqiao).cookie(signIn("office")))
                .andExpect(status().isOk());
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void anotherDistrictsRecordsAreNeverCountedAndTheLiaisonCountsOnlyItsTownship() throws Exception {
        JdbcClient root = org.xuncha.Superuser.jdbc(dataSource);
        String city = jdbc.sql(
                        "select p.path from organization.region d join organization.region p on p.id = d.parent_id"
                                + " where d.name = '睢阳区'")
                .query(String.class)
                .single();
        Cookie office = signIn("office");
        Cookie liaison = signIn("liaison");
        long officeBefore = findingsOf("/statistics?round=" + pilot, office);
        long liaisonBefore = findingsOf("/statistics?round=" + pilot, liaison);
        long inWuqiang = jdbc.sql("select count(*) from findings.finding f join organization.region t on t.id ="
                        + " f.township_id where f.round_id = :r and f.state = 'APPROVED' and t.name = '坞墙镇'")
                .param("r", pilot)
                .query(Long.class)
                .single();
        assertThat(liaisonBefore).isEqualTo(inWuqiang).isLessThan(officeBefore);
        String other = city + "9999/";
        try {
            root.sql("insert into organization.region (parent_id, level, code, name, path) select id, 'DISTRICT',"
                            + " 'T-OTHER', '测试区', :path from organization.region where path = :city")
                    .param("path", other)
                    .param("city", city)
                    .update();
            root.sql("insert into organization.region (parent_id, level, kind, code, name, path) select id, 'TOWNSHIP',"
                            + " 'TOWN', 'T-OTHER-1', '测试镇', :path from organization.region where path = :parent")
                    .param("path", other + "1/")
                    .param("parent", other)
                    .update();
            root.sql("insert into organization.region (parent_id, level, kind, code, name, path) select id, 'LOCALITY',"
                            + " 'VILLAGE', 'T-OTHER-1-1', '测试村', :path from organization.region where path = :parent")
                    .param("path", other + "1/1/")
                    .param("parent", other + "1/")
                    .update();
            root.sql("insert into findings.finding (round_id, group_number, locality_id, locality_name, locality_path,"
                            + " township_id, township_name, category_id, category, description, source_kind, severity,"
                            + " state, recorded_by, recorded_at) select :r, 1, l.id, l.name, l.path, t.id, t.name,"
                            + " c.id, c.name, '他区问题', 'OTHER', 'GENERAL', 'APPROVED', 'test', now()"
                            + " from organization.region l join organization.region t on t.id = l.parent_id,"
                            + " findings.category c where l.code = 'T-OTHER-1-1' and c.position = 1")
                    .param("r", pilot)
                    .update();
            assertThat(findingsOf("/statistics?round=" + pilot, office)).isEqualTo(officeBefore);
            assertThat(findingsOf("/statistics?round=" + pilot, liaison)).isEqualTo(liaisonBefore);
            String list = html("/statistics/records?figure=FINDINGS&round=" + pilot, office);
            assertThat(list).doesNotContain("测试村");
            assertThat(number(COUNT, list)).isEqualTo(officeBefore);
        } finally {
            root.sql("delete from findings.finding where description = '他区问题'").update();
            root.sql("delete from organization.region where code like 'T-OTHER%' and level = 'LOCALITY'")
                    .update();
            root.sql("delete from organization.region where code like 'T-OTHER%' and level = 'TOWNSHIP'")
                    .update();
            root.sql("delete from organization.region where code = 'T-OTHER'").update();
        }
    }

    @Test
    void theReportingViewsAgreeWithTheOwningModules() throws Exception {
        String page = html("/statistics/check", signIn("office"));
        assertThat(page)
                .contains("data-testid=\"check-result\" class=\"check-ok\"")
                .contains("全部一致")
                .doesNotContain("class=\"check-diff\"");
        mvc.perform(get("/statistics/check").cookie(signIn("leader"))).andExpect(status().isForbidden());
    }

    @Test
    void aTallyThatNoLongerMatchesItsRecordsIsReportedByTheCheckAndTheAppCannotWriteOne() throws Exception {
        assertThat(jdbc.sql("select count(*) from statistics.tally_kind k, statistics.tally_differences(k.kind,"
                                + " array(select id from planning.round)) d")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select coalesce(sum(n), 0) from statistics.finding_tally")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select count(*) from findings.finding")
                        .query(Long.class)
                        .single())
                .isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update statistics.finding_tally set n = n + 1")
                                .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        JdbcClient root = org.xuncha.Superuser.jdbc(dataSource);
        String group = root.sql(
                        "select round_id || ',' || path from statistics.finding_tally where round_id = :r limit 1")
                .param("r", pilot)
                .query(String.class)
                .single();
        long round = Long.parseLong(group.substring(0, group.indexOf(',')));
        String path = group.substring(group.indexOf(',') + 1);
        root.sql("update statistics.finding_tally set n = n + 1 where ctid = (select ctid from statistics.finding_tally"
                        + " where round_id = :r and path = :p limit 1)")
                .param("r", round)
                .param("p", path)
                .update();
        try {
            String page = html("/statistics/check", signIn("office"));
            assertThat(page)
                    .contains("data-testid=\"check-result\" class=\"check-diff\"")
                    .contains("读模型：问题")
                    .contains("（1 组不一致）");
        } finally {
            root.sql("select statistics.retally('finding', array[:r]::bigint[], array[:p])")
                    .param("r", round)
                    .param("p", path)
                    .query()
                    .listOfRows();
        }
        assertThat(html("/statistics/check", signIn("office"))).contains("class=\"check-ok\"");
    }

    @Test
    void theDashboardDataAnswersOneSeriesPerChart() throws Exception {
        String json = mvc.perform(get("/dashboard/data?round=" + pilot).cookie(signIn("leader")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains("\"coverage\"")
                .contains("\"categories\"")
                .contains("\"trend\"")
                .contains("\"burndown\"")
                .contains("\"overdue\"")
                .contains("\"satisfaction\"");
        mvc.perform(get("/dashboard").cookie(signIn("leader"))).andExpect(status().isOk());
    }

    private long findingsOf(String url, Cookie cookie) throws Exception {
        Matcher m = CARD.matcher(html(url, cookie));
        while (m.find()) {
            if (m.group(1).equals("FINDINGS")) {
                return Long.parseLong(m.group(2));
            }
        }
        throw new AssertionError("no FINDINGS card");
    }

    private String html(String url, Cookie cookie) throws Exception {
        return mvc.perform(get(url).cookie(cookie))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static long number(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }
}
