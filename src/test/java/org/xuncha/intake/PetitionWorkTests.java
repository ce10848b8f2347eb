package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xuncha.DemoLogins;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;

/**
 * Petitions inside the office: a group sees and registers only its own 村居's petitions (by id, list and export), a
 * liaison sees none; the leader or deputy triages by the rules; only the group's leader and the director reveal a
 * reporter, audited; no response, export or log line carries the reporter's name or phone otherwise.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class PetitionWorkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    PetitionOutcomes outcomes;

    @Autowired
    Petitions petitions;

    @Autowired
    ApplicationEvents events;

    long pilot;
    List<Long> groupA;
    List<Long> groupB;

    @BeforeEach
    void demoIsLoaded() {
        IntakeFixtures.awaitDemo(jdbc);
        pilot = IntakeFixtures.pilot(jdbc);
        groupA = IntakeFixtures.ofGroupOf(jdbc, "groupleader");
        groupB = IntakeFixtures.notOfGroupOf(jdbc, "groupleader");
    }

    @Test
    void theDemoHasQrPhoneAndLetterPetitionsSomeTriaged() {
        List<PetitionDigest> all = petitions.ofRound(new RoundId(pilot), district());
        assertThat(all)
                .extracting(PetitionDigest::channel)
                .contains(PetitionChannel.QR_CODE, PetitionChannel.PHONE, PetitionChannel.LETTER);
        assertThat(all).filteredOn(p -> p.triage() != null).isNotEmpty();
        assertThat(all).filteredOn(p -> p.triage() == null).isNotEmpty();
        assertThat(all).filteredOn(p -> p.status() == PetitionStatus.CONCLUDED).isNotEmpty();
    }

    @Test
    void aMemberOfOneGroupCannotReachAnotherGroupsPetitions() throws Exception {
        long theirs = demoPetitionIn(groupB);
        long ours = demoPetitionIn(groupA);
        Cookie member = signIn("groupmember");
        mvc.perform(get("/petitions/" + theirs).cookie(member)).andExpect(status().isNotFound());
        mvc.perform(get("/petitions/" + theirs + "/photos/1").cookie(member)).andExpect(status().isNotFound());
        mvc.perform(get("/petitions/" + ours).cookie(member)).andExpect(status().isOk());
        mvc.perform(get("/rounds/" + pilot + "/petitions").cookie(member))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-petition=\"" + ours + "\""),
                                not(containsString("data-petition=\"" + theirs + "\"")))));
        mvc.perform(get("/petitions").cookie(member))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/rounds/" + pilot + "/petitions"));
        mvc.perform(get("/petitions/export.xlsx").cookie(member)).andExpect(status().isForbidden());
        Cookie leader = signIn("groupleader");
        mvc.perform(post("/petitions/" + theirs + "/triage")
                        .with(csrf())
                        .cookie(leader)
                        .param("triage", "RECORD_AS_LEAD")
                        .param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/petitions/" + theirs + "/reveal").with(csrf()).cookie(leader))
                .andExpect(status().isNotFound());
        // nor register one for a 村居 of another group
        mvc.perform(multipart("/rounds/" + pilot + "/petitions")
                        .with(csrf())
                        .cookie(member)
                        .param("locality", "" + groupB.get(0))
                        .param("channel", "PHONE")
                        .param("receivedOn", LocalDate.now().toString())
                        .param("category", "OTHER")
                        .param("content", "登记到别组村居"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请选择“村居”")));
    }

    @Test
    void aLiaisonAndTheAdministratorsSeeNoPetitions() throws Exception {
        long ours = demoPetitionIn(groupA);
        for (String user : List.of("liaison", "sysadmin", "auditor", "receiver", "leader", "supervisor")) {
            Cookie session = signIn(user);
            mvc.perform(get("/petitions").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/petitions/" + ours).cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/rounds/" + pilot + "/petitions").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/petitions/export.xlsx").cookie(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void theOfficeSeesTheUntriagedPetitionsWithTheirAgeAndExportsThemWithoutIdentity() throws Exception {
        Cookie office = signIn("office");
        long untriaged = jdbc.sql("select count(*) from intake.petition where triage is null")
                .query(Long.class)
                .single();
        LocalDate oldest = jdbc.sql("select min(received_on) from intake.petition where triage is null")
                .query(LocalDate.class)
                .single();
        long age = java.time.temporal.ChronoUnit.DAYS.between(oldest, LocalDate.now());
        mvc.perform(get("/petitions").param("untriaged", "true").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("共 " + untriaged + " 件"),
                                containsString("<td class=\"num\">" + age + "</td>"),
                                not(containsString("李某某")),
                                not(containsString("13800000001")))));

        MvcResult export = mvc.perform(get("/petitions/export.xlsx").cookie(office))
                .andExpect(status().isOk())
                .andReturn();
        List<List<String>> rows = rows(export.getResponse().getContentAsByteArray());
        assertThat(rows.get(0)).contains("村居", "反映的问题", "收件天数", "分办意见").doesNotContain("姓名", "联系电话");
        assertThat(rows)
                .hasSize(1
                        + jdbc.sql("select count(*) from intake.petition")
                                .query(Long.class)
                                .single()
                                .intValue());
        assertThat(rows.toString())
                .doesNotContain("李某某")
                .doesNotContain("13800000001")
                .doesNotContain("张某");
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where action = 'EXPORT' and object_type = 'Petition'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theGroupRegistersAPetitionAndOnlyTheLeaderAndTheDirectorRevealTheReporter(CapturedOutput output)
            throws Exception {
        Cookie member = signIn("groupmember");
        MvcResult registered = mvc.perform(multipart("/rounds/" + pilot + "/petitions")
                        .with(csrf())
                        .cookie(member)
                        .param("locality", "" + groupA.get(0))
                        .param("channel", "LETTER")
                        .param("receivedOn", LocalDate.now().minusDays(2).toString())
                        .param("category", "PETTY_CORRUPTION")
                        .param("content", "来信反映村会计虚报冒领养老金。")
                        .param("name", "揭发人王五六")
                        .param("phone", "13598765432"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(registered.getResponse().getRedirectedUrl().replace("/petitions/", ""));
        List<String> bodies = new ArrayList<>();
        bodies.add(mvc.perform(get("/petitions/" + id).cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("来信反映村会计虚报冒领养老金")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        bodies.add(mvc.perform(get("/rounds/" + pilot + "/petitions").cookie(member))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Cookie office = signIn("office");
        bodies.add(mvc.perform(get("/petitions").cookie(office))
                .andReturn()
                .getResponse()
                .getContentAsString());
        bodies.add(mvc.perform(get("/petitions/" + id).cookie(office))
                .andReturn()
                .getResponse()
                .getContentAsString());
        bodies.add(rows(mvc.perform(get("/petitions/export.xlsx").cookie(office))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .toString());
        bodies.add(petitions.find(id, district()).orElseThrow().toString());

        // the deputy and the member may not reveal; the office staff neither
        for (String user : List.of("groupdeputy", "groupmember", "office")) {
            MvcResult refused = mvc.perform(
                            post("/petitions/" + id + "/reveal").with(csrf()).cookie(signIn(user)))
                    .andExpect(status().isForbidden())
                    .andReturn();
            bodies.add(refused.getResponse().getContentAsString());
        }
        assertThat(bodies).noneMatch(b -> b.contains("揭发人王五六") || b.contains("13598765432"));

        long revealsBefore = reveals(id);
        Cookie leader = signIn("groupleader");
        mvc.perform(get("/petitions/" + id).cookie(leader))
                .andExpect(content().string(containsString("data-testid=\"reveal\"")));
        mvc.perform(post("/petitions/" + id + "/reveal").with(csrf()).cookie(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("揭发人王五六"), containsString("13598765432"))));
        mvc.perform(post("/petitions/" + id + "/reveal").with(csrf()).cookie(signIn("director")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("揭发人王五六")));
        assertThat(reveals(id)).isEqualTo(revealsBefore + 2);
        assertThat(jdbc.sql("""
                        select actor from audit.audit_event where action = 'VIEW_CONFIDENTIAL' and object_type = 'Petition'
                        and object_id = :id and outcome = 'SUCCESS' order by id
                        """).param("id", "" + id).query(String.class).list())
                .containsExactly("groupleader", "director");
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where detail like '%王五六%' or detail like '%13598765432%'")
                        .query(Long.class)
                        .single())
                .isZero();

        // triage and the event it publishes carry no identity either
        mvc.perform(post("/petitions/" + id + "/triage")
                        .with(csrf())
                        .cookie(leader)
                        .param("triage", "RECORD_AS_LEAD")
                        .param("reason", "涉嫌违纪，移交线索。")
                        .param("version", "" + version(id)))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(PetitionTriaged.class).filter(e -> e.petitionId() == id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.triage()).isEqualTo(Triage.RECORD_AS_LEAD);
                    assertThat(e.by()).isEqualTo("groupleader");
                    assertThat(e.toString()).doesNotContain("王五六").doesNotContain("13598765432");
                });
        assertThat(output.getAll()).doesNotContain("揭发人王五六").doesNotContain("13598765432");
    }

    @Test
    void triageFollowsItsRules() throws Exception {
        long id = register("分办规则测试");
        Cookie member = signIn("groupmember");
        mvc.perform(post("/petitions/" + id + "/triage")
                        .with(csrf())
                        .cookie(member)
                        .param("triage", "NO_ACTION")
                        .param("reason", "无")
                        .param("publicReply", "无")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        Cookie deputy = signIn("groupdeputy");
        mvc.perform(get("/petitions/" + id).cookie(member))
                .andExpect(content().string(not(containsString("data-testid=\"triage-form\""))));
        mvc.perform(get("/petitions/" + id).cookie(deputy))
                .andExpect(content().string(containsString("data-testid=\"triage-form\"")));
        mvc.perform(triage(deputy, id, "FORWARDED").param("publicReply", "已转交。"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写“转交部门”")));
        mvc.perform(triage(deputy, id, "NO_ACTION").param("publicReply", "不予处理。"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写“理由”")));
        mvc.perform(triage(deputy, id, "FORWARDED").param("forwardedTo", "区农业农村局"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写“公开答复”")));
        mvc.perform(triage(deputy, id, "").param("forwardedTo", "区农业农村局"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请选择“分办意见”")));
        int stale = version(id);
        mvc.perform(triage(deputy, id, "FORWARDED")
                        .param("forwardedTo", "区农业农村局")
                        .param("publicReply", "您反映的问题已转区农业农村局办理。"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status || ' ' || triage || ' ' || forwarded_to from intake.petition where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("CONCLUDED FORWARDED 区农业农村局");
        mvc.perform(post("/petitions/" + id + "/triage")
                        .with(csrf())
                        .cookie(deputy)
                        .param("triage", "NO_ACTION")
                        .param("reason", "重复")
                        .param("publicReply", "重复")
                        .param("version", "" + stale))
                .andExpect(status().isConflict());
        mvc.perform(triage(deputy, id, "NO_ACTION").param("reason", "重复").param("publicReply", "重复"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("已经分办，不能再次分办")));
    }

    @Test
    void aFindingOrLeadMovesThePetitionOnThroughTheOutcomePort() throws Exception {
        long id = register("转为问题的信访");
        mvc.perform(triage(signIn("groupleader"), id, "RECORD_AS_FINDING").param("reason", "列入底稿"))
                .andExpect(status().is3xxRedirection());
        // findings records the finding after the triage (asynchronously) and reports it through the outcome port;
        // driving the port by hand before that would race it
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> petitions.find(id, district()).orElseThrow().status() == PetitionStatus.IN_PROGRESS);
        outcomes.concluded(id, "问题已整改到位。");
        PetitionDigest done = petitions.find(id, district()).orElseThrow();
        assertThat(done.status()).isEqualTo(PetitionStatus.CONCLUDED);
        assertThat(done.triage()).isEqualTo(Triage.RECORD_AS_FINDING);
        assertThat(petitions.find(id, RegionScope.none())).isEmpty();
    }

    private long register(String content) throws Exception {
        MvcResult registered = mvc.perform(multipart("/rounds/" + pilot + "/petitions")
                        .with(csrf())
                        .cookie(signIn("groupmember"))
                        .param("locality", "" + groupA.get(0))
                        .param("channel", "PHONE")
                        .param("receivedOn", LocalDate.now().toString())
                        .param("category", "RURAL_LAND")
                        .param("content", content))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return Long.parseLong(registered.getResponse().getRedirectedUrl().replace("/petitions/", ""));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder triage(
            Cookie session, long id, String triage) {
        return post("/petitions/" + id + "/triage")
                .with(csrf())
                .cookie(session)
                .param("triage", triage)
                .param("version", "" + version(id));
    }

    private int version(long id) {
        return jdbc.sql("select version from intake.petition where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private long reveals(long id) {
        return jdbc.sql("""
                        select count(*) from audit.audit_event where action = 'VIEW_CONFIDENTIAL'
                        and object_type = 'Petition' and object_id = :id and outcome = 'SUCCESS'
                        """).param("id", "" + id).query(Long.class).single();
    }

    private long demoPetitionIn(List<Long> localities) {
        return jdbc.sql("select min(id) from intake.petition where locality_id in (:ids)")
                .param("ids", localities)
                .query(Long.class)
                .single();
    }

    private RegionScope district() {
        return RegionScope.of(List.of(jdbc.sql("select id from organization.region where name = '睢阳区'")
                .query(Long.class)
                .single()));
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(format.formatCellValue(cell)));
                rows.add(cells);
            }
        }
        return rows;
    }
}
