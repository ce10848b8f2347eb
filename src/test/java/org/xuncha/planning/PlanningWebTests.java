package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
 * Roles and scope on the planning pages, signed in through the real form: the liaison of 坞墙镇 sees rounds touching
 * 坞墙镇 and only its 村居 there, gets 404 for a round of 冯桥镇 alone and 403 on the district's term dashboard;
 * administrators and lead receivers get 403; only the director approves; a skipped step is refused by name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanningWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    long termId;
    long pilotId;

    @BeforeEach
    void demoIsLoaded() {
        PlanningPersistenceTests.awaitDemo(jdbc);
        termId = jdbc.sql("select id from planning.term where name = '五届区委'")
                .query(Long.class)
                .single();
        pilotId = jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single();
    }

    @Test
    void theLiaisonOfWuqiangCannotOpenARoundThatOnlyCoversFengqiao() throws Exception {
        long round = planThroughTheForm("冯桥镇", 3);
        Cookie liaison = signIn("liaison");
        mvc.perform(get("/rounds/" + round).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/rounds/" + round + "/calendar").cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/rounds").cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/rounds/" + round + "\""))));

        // the pilot touches 坞墙镇: the liaison sees it, with only 坞墙镇's 村居
        List<String> pilotWuqiang = pilotLocalities("坞墙镇");
        List<String> pilotFengqiao = pilotLocalities("冯桥镇");
        mvc.perform(get("/rounds/" + pilotId).cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(pilotWuqiang.get(0)),
                                containsString(pilotWuqiang.get(1)),
                                not(containsString(pilotFengqiao.get(0))),
                                not(containsString(pilotFengqiao.get(1))))));
        mvc.perform(get("/rounds/" + round).cookie(signIn("office"))).andExpect(status().isOk());
    }

    @Test
    void theLiaisonGetsNoTermDashboardChecklistOrDocuments() throws Exception {
        Cookie liaison = signIn("liaison");
        mvc.perform(get("/terms").cookie(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/terms/" + termId).cookie(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/focus").cookie(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/rounds/" + pilotId + "/documents/work-plan.docx").cookie(liaison))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rounds/new").cookie(liaison)).andExpect(status().isForbidden());
    }

    @Test
    void administratorsAndLeadReceiversSeeNoPlanning() throws Exception {
        for (String user : List.of("sysadmin", "secadmin", "auditor", "receiver")) {
            Cookie session = signIn(user);
            mvc.perform(get("/rounds").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/rounds/" + pilotId).cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/terms/" + termId).cookie(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void theLeaderReadsTheDashboardButPlansNothing() throws Exception {
        Cookie leader = signIn("leader");
        mvc.perform(get("/terms/" + termId).cookie(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"total\">349<")));
        mvc.perform(get("/rounds/" + pilotId).cookie(leader)).andExpect(status().isOk());
        mvc.perform(get("/rounds/new").cookie(leader)).andExpect(status().isForbidden());
        mvc.perform(post("/rounds/" + pilotId + "/state")
                        .with(csrf())
                        .cookie(leader)
                        .param("to", "REPORTED")
                        .param("version", "3"))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheDirectorApprovesAndASkippedStepIsRefusedByName() throws Exception {
        long round = planThroughTheForm("李口镇", 2);
        Cookie office = signIn("office");
        mvc.perform(advance(round, "APPROVED", 0).cookie(office))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("须由巡察办主任批准")));
        assertThat(state(round)).isEqualTo("PLANNED");

        Cookie director = signIn("director");
        mvc.perform(advance(round, "IN_FIELD", 0).cookie(director))
                .andExpect(flash().attribute("error", "不能跳步：本轮当前为“已拟定”，不能变更为“进驻中”，下一步只能是“已批准”。"));
        assertThat(state(round)).isEqualTo("PLANNED");

        // approval needs the groups: none yet
        mvc.perform(advance(round, "APPROVED", 0).cookie(director))
                .andExpect(flash().attribute("error", containsString("尚未组建巡察组")));
        assertThat(state(round)).isEqualTo("PLANNED");
        mvc.perform(post("/rounds/" + round + "/groups").with(csrf()).cookie(office))
                .andExpect(flash().attribute("saved", true));

        mvc.perform(advance(round, "APPROVED", 0).cookie(director)).andExpect(flash().attribute("saved", true));
        assertThat(state(round)).isEqualTo("APPROVED");
        assertThat(jdbc.sql(
                                "select actor from planning.round_transition where round_id = :id and to_state = 'APPROVED'")
                        .param("id", round)
                        .query(String.class)
                        .single())
                .isEqualTo("director");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where object_type = 'Round' and object_id = :id"
                                + " and actor = 'director'")
                        .param("id", String.valueOf(round))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a stale form (version 0 after the approval) is a conflict, and nothing changes
        mvc.perform(advance(round, "IN_FIELD", 0).cookie(office)).andExpect(status().isConflict());
        assertThat(state(round)).isEqualTo("APPROVED");
    }

    @Test
    void theWorkPlanNamesTheRoundsTownshipsAndCarriesTheChecklist() throws Exception {
        byte[] docx = mvc.perform(
                        get("/rounds/" + pilotId + "/documents/work-plan.docx").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo("五届区委第一批试点巡察村居工作方案");
            String text =
                    document.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(text)
                    .contains(
                            "古城街道、坞墙镇、冯桥镇、闫集镇共4个乡（镇、办事处）的8个村居",
                            "四、巡察重点",
                            "“三资”管理情况",
                            "举报电话：0370-3211234",
                            "第一巡察组。组长：",
                            "中共睢阳区委巡察工作领导小组办公室")
                    .doesNotContain("【巡察组组建后在此列明");
        }
        for (String slug : List.of("group-notice", "authorization")) {
            mvc.perform(get("/rounds/" + pilotId + "/documents/" + slug + ".docx")
                            .cookie(signIn("director")))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/rounds/" + pilotId + "/documents/nothing.docx").cookie(signIn("office")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGroupMemberSeesOnlyTheRoundsOfTheirGroupAndOnlyItsLocalities() throws Exception {
        long me = jdbc.sql("select id from inspectors.inspector where linked_username = 'groupmember'")
                .query(Long.class)
                .single();
        List<String> mine = jdbc.sql("""
                        select rl.name from planning.group_locality gl
                        join planning.group_member gm on gm.group_id = gl.group_id
                        join planning.round_locality rl on rl.round_id = gl.round_id and rl.locality_id = gl.locality_id
                        where gl.round_id = :round and gm.inspector_id = :me""")
                .param("round", pilotId)
                .param("me", me)
                .query(String.class)
                .list();
        List<String> others = jdbc.sql("""
                        select rl.name from planning.round_locality rl where rl.round_id = :round
                          and not exists (select 1 from planning.group_locality gl
                            join planning.group_member gm on gm.group_id = gl.group_id
                            where gl.round_id = rl.round_id and gl.locality_id = rl.locality_id and gm.inspector_id = :me)
                          and rl.township_name = '坞墙镇'""")
                .param("round", pilotId)
                .param("me", me)
                .query(String.class)
                .list();
        // the demo puts groupmember into the pilot's group of 坞墙镇, whose 村 and 社区 are in different groups
        assertThat(mine).isNotEmpty();
        assertThat(others).isNotEmpty();
        Cookie member = signIn("groupmember");
        mvc.perform(get("/rounds/" + pilotId).cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(mine.get(0)), not(containsString(others.get(0))))));

        // a round of their own township without them: not found, not listed
        long round = planThroughTheForm("坞墙镇", 2);
        try {
            mvc.perform(get("/rounds/" + round).cookie(member)).andExpect(status().isNotFound());
            mvc.perform(get("/rounds/" + round + "/documents/work-plan.docx").cookie(member))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/rounds").cookie(member))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("href=\"/rounds/" + pilotId + "\""),
                                    not(containsString("href=\"/rounds/" + round + "\"")))));
            mvc.perform(get("/rounds/" + round).cookie(signIn("liaison"))).andExpect(status().isOk());
        } finally {
            for (String table : List.of("round_transition", "round_locality", "round_township")) {
                jdbc.sql("delete from planning." + table + " where round_id = :id")
                        .param("id", round)
                        .update();
            }
            jdbc.sql("delete from planning.round where id = :id")
                    .param("id", round)
                    .update();
        }
    }

    @Test
    void theInspectorPageLoadsTheRoundsAPersonServedInForThoseWhoSeeThePool() throws Exception {
        long me = jdbc.sql("select id from inspectors.inspector where linked_username = 'groupmember'")
                .query(Long.class)
                .single();
        String group = jdbc.sql("""
                        select g.name from planning.group_member gm join planning.inspection_group g on g.id = gm.group_id
                        where gm.inspector_id = :me and g.round_id = :round""")
                .param("me", me)
                .param("round", pilotId)
                .query(String.class)
                .single();
        mvc.perform(get("/planning/inspectors/" + me + "/history").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("第一批试点"), containsString(group))));
        mvc.perform(get("/planning/inspectors/" + me + "/history").cookie(signIn("groupmember")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/planning/inspectors/" + me + "/history").cookie(signIn("liaison")))
                .andExpect(status().isForbidden());
    }

    private long planThroughTheForm(String township, int count) throws Exception {
        long townshipId = jdbc.sql("select id from organization.region where name = :name")
                .param("name", township)
                .query(Long.class)
                .single();
        List<Long> localities = jdbc.sql(
                        "select id from organization.region where parent_id = :id order by code limit :n")
                .param("id", townshipId)
                .param("n", count)
                .query(Long.class)
                .list();
        LocalDateRange dates = LocalDateRange.inTermOf(jdbc, termId);
        MockHttpServletRequestBuilder request = post("/rounds")
                .with(csrf())
                .cookie(signIn("office"))
                .param("term", String.valueOf(termId))
                .param("kind", "REGULAR")
                .param("township", String.valueOf(townshipId))
                .param("entryDate", dates.entry())
                .param("exitDate", dates.exit());
        localities.forEach(id -> request.param("locality", String.valueOf(id)));
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/rounds/\\d+");
        return Long.parseLong(location.substring("/rounds/".length()));
    }

    private List<String> pilotLocalities(String township) {
        return jdbc.sql(
                        "select name from planning.round_locality where round_id = :id and township_name = :t order by code")
                .param("id", pilotId)
                .param("t", township)
                .query(String.class)
                .list();
    }

    private MockHttpServletRequestBuilder advance(long round, String to, int version) {
        return post("/rounds/" + round + "/state")
                .with(csrf())
                .param("to", to)
                .param("version", String.valueOf(version));
    }

    private String state(long round) {
        return jdbc.sql("select state from planning.round where id = :id")
                .param("id", round)
                .query(String.class)
                .single();
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }

    /** Entry and exit dates half a year into the term. */
    record LocalDateRange(String entry, String exit) {

        static LocalDateRange inTermOf(JdbcClient jdbc, long termId) {
            java.time.LocalDate start = jdbc.sql("select starts_on from planning.term where id = :id")
                    .param("id", termId)
                    .query(java.time.LocalDate.class)
                    .single();
            return new LocalDateRange(
                    start.plusMonths(7).toString(),
                    start.plusMonths(7).plusDays(14).toString());
        }
    }
}
