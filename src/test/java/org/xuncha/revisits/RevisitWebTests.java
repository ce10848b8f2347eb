package org.xuncha.revisits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.DemoLogins;

/**
 * Revisits and the satisfaction survey: the demo revisit's index, the residents' public page without sign-in (one
 * answer per submission code, unknown surveys 404), paper forms all or none, scope, and the 回头看 proposal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RevisitWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RevisitRecords records;

    long revisitId;
    String token;

    @BeforeEach
    void demoIsLoaded() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from revisits.response")
                                .query(Long.class)
                                .single()
                        >= 12);
        revisitId = jdbc.sql("select id from revisits.revisit order by id limit 1")
                .query(Long.class)
                .single();
        token = jdbc.sql("select survey_token from revisits.revisit where id = :id")
                .param("id", revisitId)
                .query(String.class)
                .single();
    }

    @Test
    void theDemoRevisitHasItsIndexFromTwelvePaperForms() throws Exception {
        Satisfaction demo = records.ofRevisit(revisitId);
        assertThat(demo.respondents()).isGreaterThanOrEqualTo(12);
        mvc.perform(get("/revisits").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("满意度指数")))
                .andExpect(content().string(containsString("入户座谈")));
    }

    @Test
    void aResidentAnswersWithoutSigningInAndTheSameSubmissionCountsOnce() throws Exception {
        String page = mvc.perform(get("/survey/" + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("群众满意度测评").contains("name=\"code\"");
        long before = responses();
        MockHttpServletRequestBuilder submit =
                answers(post("/survey/" + token).with(csrf()).param("code", "c0de-1"));
        mvc.perform(submit).andExpect(status().isOk()).andExpect(content().string(containsString("感谢")));
        mvc.perform(answers(post("/survey/" + token).with(csrf()).param("code", "c0de-1")))
                .andExpect(status().isOk());
        assertThat(responses()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select channel from revisits.response where submission_code = 'c0de-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("QR");
        mvc.perform(get("/survey/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
        mvc.perform(get("/revisits")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anIncompleteAnswerIsRefusedAndRecordsNothing() throws Exception {
        long before = responses();
        mvc.perform(post("/survey/" + token).with(csrf()).param("code", "partial-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请回答全部题目")));
        assertThat(responses()).isEqualTo(before);
    }

    @Test
    void paperFormsAreRecordedAllOrNoneWithTheFaultsByLine() throws Exception {
        Cookie office = signIn("office");
        long before = responses();
        mvc.perform(post("/revisits/" + revisitId + "/paper")
                        .with(csrf())
                        .cookie(office)
                        .param("lines", "1111\n1141\n11"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 行第 3 题")))
                .andExpect(content().string(containsString("第 3 行：应有 4 个答案")));
        assertThat(responses()).isEqualTo(before);
        mvc.perform(post("/revisits/" + revisitId + "/paper")
                        .with(csrf())
                        .cookie(office)
                        .param("lines", "3333\n3333"))
                .andExpect(status().isFound());
        assertThat(responses()).isEqualTo(before + 2);
    }

    @Test
    void aLocalityBelowTheThresholdIsProposedForARevisitRound() throws Exception {
        Cookie office = signIn("office");
        jdbc.sql("update revisits.settings set threshold = 100 where id = 1").update();
        try {
            mvc.perform(get("/revisits").cookie(office))
                    .andExpect(content().string(containsString("/rounds/new?kind=REVISIT&amp;township=")));
        } finally {
            jdbc.sql("update revisits.settings set threshold = 80 where id = 1").update();
        }
    }

    @Test
    void theSuggestionsRankByPetitionsReceivedAndByFindingsAsTheRecordsSay() throws Exception {
        // the 村居 of the demo's rectification tasks, by petitions received (every round), then by path
        java.util.List<String> byPetitions = jdbc.sql("""
                        with tasked as (select distinct locality_id, locality_name, locality_path from rectification.task),
                             received as (select locality_id, count(*) as n from intake.petition group by locality_id)
                        select t.locality_name || ':' || coalesce(r.n, 0) from tasked t
                        left join received r on r.locality_id = t.locality_id
                        order by coalesce(r.n, 0) desc, t.locality_path limit 1
                        """).query(String.class).list();
        assertThat(byPetitions).hasSize(1);
        String[] top = byPetitions.get(0).split(":");
        assertThat(Long.parseLong(top[1]))
                .as("the demo has petitions in a 村居 with tasks")
                .isPositive();
        String html = mvc.perform(get("/revisits").param("by", "PETITIONS").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String table = html.substring(html.indexOf("data-testid=\"suggestions\""));
        String firstRow = table.substring(table.indexOf("<tbody>"), table.indexOf("</tr>", table.indexOf("<tbody>")));
        assertThat(firstRow).contains(top[0]).contains("<td class=\"num\">" + top[1] + "</td>");
        String mostProblems = jdbc.sql("""
                        select locality_name from rectification.task group by locality_name, locality_path
                        order by count(*) desc, locality_path limit 1
                        """).query(String.class).single();
        String byFindings = mvc.perform(get("/revisits").param("by", "FINDINGS").cookie(signIn("office")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String findingsTable = byFindings.substring(byFindings.indexOf("data-testid=\"suggestions\""));
        assertThat(findingsTable.substring(
                        findingsTable.indexOf("<tbody>"),
                        findingsTable.indexOf("</tr>", findingsTable.indexOf("<tbody>"))))
                .contains(mostProblems);
    }

    @Test
    void anotherTownshipsRevisitAnswers404() throws Exception {
        long fengqiaoLocality = jdbc.sql(
                        "select locality_id from rectification.task where township_name = '冯桥镇' limit 1")
                .query(Long.class)
                .single();
        long other =
                jdbc.sql("""
                        insert into revisits.revisit (round_id, locality_id, locality_name, township_id, township_name,
                            locality_path, visited_on, visitors, method, met, survey_token, recorded_by, recorded_at)
                        select round_id, locality_id, locality_name, township_id, township_name, locality_path,
                            current_date, '测试', 'MEETING', '村民', md5(random()::text), 'office', now()
                        from rectification.task where locality_id = :l limit 1 returning id
                        """).param("l", fengqiaoLocality).query(Long.class).single();
        mvc.perform(get("/revisits/" + other).cookie(signIn("liaison"))).andExpect(status().isNotFound());
        mvc.perform(get("/revisits/" + other).cookie(signIn("office"))).andExpect(status().isOk());
        mvc.perform(get("/revisits/" + other + "/qr.svg").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")));
    }

    private MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request) {
        for (RevisitRecords.Question q : records.questions(true)) {
            request.param("q_" + q.id(), "SATISFIED");
        }
        return request;
    }

    private long responses() {
        return jdbc.sql("select count(*) from revisits.response")
                .query(Long.class)
                .single();
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }
}
