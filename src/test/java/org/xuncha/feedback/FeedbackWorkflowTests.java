package org.xuncha.feedback;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;
import org.xuncha.Superuser;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.Rounds;

/**
 * The feedback workflow on the demo's pilot round, step by step: refused while a finding is unapproved, one list per
 * township once all are approved, issuing only after the meeting and with every problem in {@link FeedbackIssued},
 * the liaison and the group member each seeing only theirs by id, list and download, the documents' contents, and the
 * sealed dossier refusing edits and detecting a row changed behind the application's back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackWorkflowTests {

    static final String REPORTER = "王秀英";
    static final String REPORTER_PHONE = "13903701234";
    static final long PETITION = 990_001L;

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Seals seals;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectorPool pool;

    @Autowired
    ApplicationEvents events;

    PilotFindings pilot;
    Cookie office;
    Cookie liaison;
    Cookie member;

    @BeforeAll
    void pilotWithItsDemoFindings() throws Exception {
        pilot = new PilotFindings(jdbc);
        pilot.remember();
        DemoLogins logins = DemoLogins.of(environment);
        office = logins.signIn(mvc, "office");
        liaison = logins.signIn(mvc, "liaison");
        member = logins.signIn(mvc, "groupmember");
    }

    @AfterAll
    void putTheDemoBack() {
        pilot.restore(Superuser.jdbc(dataSource));
    }

    @Test
    @Order(1)
    void refusesFeedbackWhileAFindingIsUnapprovedNamingHowManyAndWhich() throws Exception {
        List<Long> unapproved = jdbc.sql(
                        "select id from findings.finding where round_id = :round and state <> 'APPROVED' order by id")
                .param("round", pilot.roundId)
                .query(Long.class)
                .list();
        assertThat(unapproved).isNotEmpty();
        mvc.perform(post("/feedback/rounds/" + pilot.roundId + "/lists")
                        .with(csrf())
                        .cookie(office)
                        .param("months", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "error",
                                allOf(
                                        containsString("还有 " + unapproved.size() + " 个问题未经巡察办审定"),
                                        containsString("#" + unapproved.get(0)))));
        assertThat(pilot.listIds()).isEmpty();
        mvc.perform(get("/feedback/rounds/" + pilot.roundId).cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"unapproved\"")));
    }

    @Test
    @Order(2)
    void generatesOneListPerTownshipOnceEveryFindingIsApproved() throws Exception {
        long marked = wuqiangFindings().get(0);
        jdbc.sql("update findings.finding set people_concerned = :people, source_note = :note, petition_id = :petition"
                        + " where id = :id")
                .param("people", "举报人" + REPORTER)
                .param("note", "实名举报人" + REPORTER + "，电话" + REPORTER_PHONE)
                .param("petition", PETITION)
                .param("id", marked)
                .update();
        pilot.approveAll();
        mvc.perform(post("/feedback/rounds/" + pilot.roundId + "/lists")
                        .with(csrf())
                        .cookie(office)
                        .param("months", "2"))
                .andExpect(flash().attribute("saved", containsString("4 份反馈清单")));
        Map<String, Long> lists = pilot.listIds();
        assertThat(lists).containsOnlyKeys("古城街道", "坞墙镇", "冯桥镇", "闫集镇");
        long listed = jdbc.sql("select count(*) from feedback.listed_problem where feedback_id = :id")
                .param("id", lists.get("坞墙镇"))
                .query(Long.class)
                .single();
        assertThat(listed).isEqualTo(wuqiangFindings().size());
        // a draft is not the liaison's to see yet
        mvc.perform(get("/feedback/" + lists.get("坞墙镇")).cookie(liaison)).andExpect(status().isNotFound());
    }

    @Test
    @Order(3)
    void issuingNeedsTheMeetingAndPublishesEveryProblemWithItsPetition() throws Exception {
        long id = pilot.listIds().get("坞墙镇");
        mvc.perform(post("/feedback/" + id + "/issue")
                        .with(csrf())
                        .cookie(office)
                        .param("version", version(id)))
                .andExpect(flash().attribute("error", containsString("请先记录坞墙镇的反馈会")));
        recordMeetingAndIssue(id, LocalDate.of(2026, 5, 10));

        List<FeedbackIssued> issued = events.stream(FeedbackIssued.class).toList();
        assertThat(issued).hasSize(1);
        FeedbackIssued event = issued.get(0);
        assertThat(event.townshipName()).isEqualTo("坞墙镇");
        assertThat(event.roundId()).isEqualTo(new RoundId(pilot.roundId));
        assertThat(event.issuedOn()).isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(event.reportDue()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(event.problems())
                .extracting(ListedProblem::findingId)
                .containsExactlyInAnyOrderElementsOf(wuqiangFindings());
        assertThat(event.problems()).anyMatch(p -> Long.valueOf(PETITION).equals(p.petitionId()));
        assertThat(event.problems()).allMatch(p -> !p.facts().contains(REPORTER));

        mvc.perform(post("/feedback/" + id + "/meeting")
                        .with(csrf())
                        .cookie(office)
                        .param("on", "2026-05-11")
                        .param("place", "改期")
                        .param("attendees", "无")
                        .param("version", version(id)))
                .andExpect(flash().attribute("error", containsString("已发出")));
    }

    @Test
    @Order(4)
    void theDocumentsHoldEveryProblemAndNoReporter() throws Exception {
        long id = pilot.listIds().get("坞墙镇");
        List<String> descriptions = jdbc.sql("select description from findings.finding where round_id = :round"
                        + " and township_name = '坞墙镇'")
                .param("round", pilot.roundId)
                .query(String.class)
                .list();
        byte[] docx = mvc.perform(get("/feedback/" + id + "/list.docx").cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            text = extractor.getText();
        }
        assertThat(text)
                .contains("坞墙镇反馈问题清单")
                .contains("共" + descriptions.size() + "个问题")
                .contains("2026年7月10日")
                .doesNotContain(REPORTER)
                .doesNotContain(REPORTER_PHONE);
        descriptions.forEach(d -> assertThat(text).contains(d));

        byte[] xlsx = mvc.perform(get("/feedback/" + id + "/ledger.xlsx").cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(descriptions.size());
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(FeedbackDocuments.LEDGER_HEADERS);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.toString()).doesNotContain(REPORTER).doesNotContain(REPORTER_PHONE);
                }
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("坞墙镇");
                }
            }
        }
    }

    @Test
    @Order(5)
    void theLiaisonSeesOnlyTheirTownshipsIssuedListByIdListAndDownload() throws Exception {
        Map<String, Long> lists = pilot.listIds();
        for (String township : List.of("古城街道", "冯桥镇", "闫集镇")) {
            recordMeetingAndIssue(lists.get(township), LocalDate.of(2026, 5, 12));
        }
        long own = lists.get("坞墙镇");
        mvc.perform(get("/feedback/" + own).cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("坞墙镇")));
        mvc.perform(get("/feedback/" + own + "/list.docx").cookie(liaison)).andExpect(status().isOk());
        mvc.perform(get("/feedback/" + own + "/ledger.xlsx").cookie(liaison)).andExpect(status().isOk());
        for (String other : List.of("古城街道", "冯桥镇", "闫集镇")) {
            long id = lists.get(other);
            mvc.perform(get("/feedback/" + id).cookie(liaison)).andExpect(status().isNotFound());
            mvc.perform(get("/feedback/" + id + "/list.docx").cookie(liaison)).andExpect(status().isNotFound());
            mvc.perform(get("/feedback/" + id + "/ledger.xlsx").cookie(liaison)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/feedback").cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/feedback/" + own + "\"")))
                .andExpect(content().string(not(containsString("href=\"/feedback/" + lists.get("冯桥镇") + "\""))))
                .andExpect(content().string(containsString("共 1 份清单")));
        mvc.perform(get("/feedback/rounds/" + pilot.roundId).cookie(liaison)).andExpect(status().isForbidden());
        mvc.perform(post("/feedback/" + own + "/issue")
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "0"))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(6)
    void aGroupMemberSeesOnlyTheirGroupsLocalitiesOnTheLists() throws Exception {
        InspectorId inspector = pool.inspectorOf("groupmember").orElseThrow();
        Set<String> theirs = new HashSet<>();
        Set<String> others = new HashSet<>();
        jdbc.sql("select locality_id, name, township_name from planning.round_locality where round_id = :round")
                .param("round", pilot.roundId)
                .query((rs, n) -> {
                    boolean mine = rounds.groupOf(new RoundId(pilot.roundId), rs.getLong(1))
                            .flatMap(g -> g.member(inspector))
                            .isPresent();
                    (mine ? theirs : others).add(rs.getString(3) + "/" + rs.getString(2));
                    return null;
                })
                .list();
        assertThat(theirs).isNotEmpty();
        Map<String, Long> lists = pilot.listIds();
        for (Map.Entry<String, Long> list : lists.entrySet()) {
            boolean takes = theirs.stream().anyMatch(t -> t.startsWith(list.getKey() + "/"));
            if (takes) {
                String page = mvc.perform(get("/feedback/" + list.getValue()).cookie(member))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                others.stream()
                        .filter(o -> o.startsWith(list.getKey() + "/"))
                        .forEach(o -> assertThat(page).doesNotContain(o.substring(o.indexOf('/') + 1)));
            } else {
                mvc.perform(get("/feedback/" + list.getValue()).cookie(member)).andExpect(status().isNotFound());
                mvc.perform(get("/feedback/" + list.getValue() + "/list.docx").cookie(member))
                        .andExpect(status().isNotFound());
            }
        }
    }

    @Test
    @Order(7)
    void theFinalizedReportSealsTheDossierRefusesEditsAndDetectsABehindTheBackChange() throws Exception {
        long approved = jdbc.sql("select count(*) from findings.finding where round_id = :round")
                .param("round", pilot.roundId)
                .query(Long.class)
                .single();
        long transferred = jdbc.sql("select count(*) from findings.lead where round_id = :round and state <> 'RAISED'")
                .param("round", pilot.roundId)
                .query(Long.class)
                .single();
        mvc.perform(get("/feedback/rounds/" + pilot.roundId + "/report").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("巡察共发现问题" + approved + "个")))
                .andExpect(content().string(containsString("移交问题线索" + transferred + "件")));
        mvc.perform(post("/feedback/rounds/" + pilot.roundId + "/report/finalize")
                        .with(csrf())
                        .cookie(office)
                        .param("version", "0"))
                .andExpect(flash().attribute("saved", containsString("案卷已封存")));
        assertThat(seals.isSealed(new RoundId(pilot.roundId))).isTrue();
        mvc.perform(get("/feedback/rounds/" + pilot.roundId + "/seal").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"seal-intact\"")));

        byte[] report = mvc.perform(get("/feedback/rounds/" + pilot.roundId + "/report.docx")
                        .cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(report)))) {
            assertThat(extractor.getText())
                    .contains("巡察村居工作情况报告")
                    .contains("巡察共发现问题" + approved + "个")
                    .doesNotContain(REPORTER);
        }

        mvc.perform(post("/feedback/rounds/" + pilot.roundId + "/lists")
                        .with(csrf())
                        .cookie(office)
                        .param("months", "3"))
                .andExpect(flash().attribute("error", containsString("已封存")));
        mvc.perform(post("/feedback/rounds/" + pilot.roundId + "/report")
                        .with(csrf())
                        .cookie(office)
                        .param("overview", "改")
                        .param("workDone", "改")
                        .param("findingsText", "改")
                        .param("commonProblems", "改")
                        .param("recommendations", "改")
                        .param("version", "1"))
                .andExpect(flash().attribute("error", containsString("已封存")));
        // a finding of the sealed round in a 村居 of the member's group: they can no longer change it (record a fix)
        long sealedFinding =
                jdbc.sql("""
                        select f.id from findings.finding f join planning.group_locality gl
                          on gl.round_id = f.round_id and gl.locality_id = f.locality_id
                        join planning.group_member gm on gm.group_id = gl.group_id
                        join inspectors.inspector i on i.id = gm.inspector_id
                        where f.round_id = :round and i.linked_username = 'groupmember' order by f.id limit 1
                        """).param("round", pilot.roundId).query(Long.class).single();
        String beforeFix = jdbc.sql("select version || '|' || fixed_on_the_spot from findings.finding where id = :id")
                .param("id", sealedFinding)
                .query(String.class)
                .single();
        mvc.perform(post("/findings/" + sealedFinding + "/fix")
                        .with(csrf())
                        .cookie(member)
                        .param("action", "封存后补记整改")
                        .param("fixedOn", java.time.LocalDate.now().toString())
                        .param("version", beforeFix.substring(0, beforeFix.indexOf('|'))))
                .andExpect(flash().attribute("error", containsString("案卷已封存")));
        assertThat(jdbc.sql("select version || '|' || fixed_on_the_spot from findings.finding where id = :id")
                        .param("id", sealedFinding)
                        .query(String.class)
                        .single())
                .isEqualTo(beforeFix);

        long tampered = wuqiangFindings().get(0);
        Superuser.jdbc(dataSource)
                .sql("update findings.finding set description = description || '（事后改动）' where id = :id")
                .param("id", tampered)
                .update();
        long list = pilot.listIds().get("冯桥镇");
        Superuser.jdbc(dataSource)
                .sql("update feedback.listed_problem set requirement = '无需整改' where feedback_id = :id")
                .param("id", list)
                .update();
        mvc.perform(get("/feedback/rounds/" + pilot.roundId + "/seal").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"seal-broken\"")))
                .andExpect(content().string(containsString("finding:" + tampered + "：内容已改动")))
                .andExpect(content().string(containsString("feedback:" + list + "：内容已改动")));
    }

    private void recordMeetingAndIssue(long id, LocalDate on) throws Exception {
        mvc.perform(post("/feedback/" + id + "/meeting")
                        .with(csrf())
                        .cookie(office)
                        .param("on", on.toString())
                        .param("place", "乡镇党委会议室")
                        .param("attendees", "乡镇党委班子成员，各村居党组织书记，巡察组全体成员")
                        .param("version", version(id)))
                .andExpect(flash().attribute("saved", containsString("已保存")));
        mvc.perform(post("/feedback/" + id + "/issue")
                        .with(csrf())
                        .cookie(office)
                        .param("version", version(id)))
                .andExpect(flash().attribute("saved", containsString("已发出反馈清单")));
    }

    private String version(long id) {
        return jdbc.sql("select version from feedback.feedback_list where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single()
                .toString();
    }

    private List<Long> wuqiangFindings() {
        return jdbc.sql("select id from findings.finding where round_id = :round and township_name = '坞墙镇' order by id")
                .param("round", pilot.roundId)
                .query(Long.class)
                .list();
    }
}
