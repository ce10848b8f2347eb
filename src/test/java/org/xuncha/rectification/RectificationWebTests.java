package org.xuncha.rectification;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xuncha.DemoLogins;
import org.xuncha.feedback.FeedbackIssued;
import org.xuncha.feedback.ListedProblem;
import org.xuncha.planning.RoundId;

/**
 * Rectification against the demo's pilot round, signed in through the real form: the liaison of 坞墙镇 sees, edits
 * and exports only its township's tasks (another township's task answers 404), the supervision group only its
 * townships, concurrent verifications conflict, a redelivered feedback event creates nothing twice, the documents
 * read back, a petition's task is settled with its public reply, and the daily warnings go out once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RectificationWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tasks tasks;

    @Autowired
    TaskChanges changes;

    @Autowired
    DailyWarnings warnings;

    static void awaitDemo(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from rectification.task_history where action = 'SUBMITTED'")
                                .query(Long.class)
                                .single()
                        >= 3);
    }

    @BeforeEach
    void demoIsLoaded() {
        awaitDemo(jdbc);
    }

    @Test
    void theDemoEntersEveryProblemOfThePilotAsATaskWithOnePlanPerTownship() {
        assertThat(count("select count(*) from rectification.task where feedback_id < 0"))
                .isEqualTo(32);
        assertThat(count("select count(*) from rectification.plan where feedback_id < 0"))
                .isEqualTo(4);
        assertThat(count("select count(*) from rectification.task where feedback_id < 0 and petition_id is not null"))
                .isEqualTo(8);
        assertThat(count("select count(*) from rectification.supervision_township"))
                .isEqualTo(3);
    }

    @Test
    void aRedeliveredFeedbackEventCreatesNoDuplicates() {
        long round = jdbc.sql("select round_id from rectification.task limit 1")
                .query(Long.class)
                .single();
        long township = townshipId("坞墙镇");
        long locality = jdbc.sql("select locality_id from rectification.task where township_name = '坞墙镇' limit 1")
                .query(Long.class)
                .single();
        FeedbackIssued issued = new FeedbackIssued(
                900001,
                new RoundId(round),
                township,
                "坞墙镇",
                LocalDate.now(),
                LocalDate.now().plusDays(60),
                List.of(
                        new ListedProblem(800001, locality, "测试村", "党的建设", "事实一", "要求一", false, null),
                        new ListedProblem(800002, locality, "测试村", "三资管理", "事实二", "要求二", false, 5L)),
                "office",
                Instant.now());
        long before = count("select count(*) from rectification.task");
        // the listener enters the list through TaskChanges.enter; a second delivery finds every task there
        assertThat(changes.enter(issued)).isEqualTo(2);
        assertThat(changes.enter(issued)).isZero();
        assertThat(count("select count(*) from rectification.task")).isEqualTo(before + 2);
        assertThat(count("select count(*) from rectification.plan where feedback_id = 900001"))
                .isEqualTo(1);
        assertThat(count("select count(*) from rectification.task_history h join rectification.task t"
                        + " on t.id = h.task_id where t.feedback_id = 900001 and h.action = 'ENTERED'"))
                .isEqualTo(2);
    }

    @Test
    void theLiaisonSeesEditsAndExportsOnlyItsOwnTownship() throws Exception {
        Cookie liaison = signIn("liaison");
        long own = taskOf("坞墙镇", false);
        long other = taskOf("冯桥镇", false);
        String otherLocality = localityOf(other);
        mvc.perform(get("/rectification").cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(localityOf(own))))
                .andExpect(content().string(not(containsString(otherLocality))))
                .andExpect(content().string(not(containsString("/rectification/tasks/" + other + "\""))));
        mvc.perform(get("/rectification/tasks/" + own).cookie(liaison)).andExpect(status().isOk());
        mvc.perform(get("/rectification/tasks/" + other).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(post("/rectification/tasks/" + other + "/plan")
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "0")
                        .param("measures", "越权")
                        .param("responsible", "某人"))
                .andExpect(status().isNotFound());
        long otherPlan = jdbc.sql("select plan_id from rectification.task where id = :id")
                .param("id", other)
                .query(Long.class)
                .single();
        mvc.perform(get("/rectification/plans/" + otherPlan).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/rectification/plans/" + otherPlan + "/report.docx").cookie(liaison))
                .andExpect(status().isNotFound());

        byte[] ledger = mvc.perform(get("/rectification/ledger.xlsx").cookie(liaison))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> townships = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            XSSFSheet sheet = book.getSheet("整改台账");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("乡镇");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    townships.add(row.getCell(1).getStringCellValue());
                }
            }
        }
        assertThat(townships).isNotEmpty().containsOnly("坞墙镇");
        // the township may not even count another's tasks through a filter
        mvc.perform(get("/rectification")
                        .param("township", "" + townshipId("冯桥镇"))
                        .cookie(liaison))
                .andExpect(content().string(containsString("共 0 项")));
    }

    @Test
    void theSupervisionGroupSeesOnlyItsAssignedTownships() throws Exception {
        Cookie supervisor = signIn("supervisor");
        long gucheng = taskOf("古城街道", false);
        mvc.perform(get("/rectification/tasks/" + gucheng).cookie(supervisor)).andExpect(status().isNotFound());
        mvc.perform(get("/rectification/tasks/" + taskOf("闫集镇", false)).cookie(supervisor))
                .andExpect(status().isOk());
        mvc.perform(get("/rectification").cookie(supervisor))
                .andExpect(content().string(not(containsString("古城街道"))))
                .andExpect(content().string(containsString("冯桥镇")));
        // the assignment, not the account's region scope, bounds a supervisor: a member of no group sees nothing
        assertThat(tasks.list(Tasks.Filter.none(), new TaskScope(List.of("%"), "supervisor")).stream()
                        .map(RectificationTask::townshipName)
                        .distinct())
                .containsExactlyInAnyOrder("坞墙镇", "冯桥镇", "闫集镇");
        assertThat(tasks.list(Tasks.Filter.none(), new TaskScope(List.of("%"), "nobody")))
                .isEmpty();
        mvc.perform(get("/supervision").cookie(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第一督导组")));
    }

    @Test
    void twoVerifiersOfOneTaskConflictAndNothingIsLost() throws Exception {
        long id = jdbc.sql("select id from rectification.task where state = 'SUBMITTED' and township_name = '冯桥镇'"
                        + " and feedback_id < 0 order by id limit 1")
                .query(Long.class)
                .single();
        int version = version(id);
        Cookie supervisor = signIn("supervisor");
        Cookie office = signIn("office");
        mvc.perform(post("/rectification/tasks/" + id + "/return")
                        .with(csrf())
                        .cookie(supervisor)
                        .param("version", "" + version)
                        .param("reason", "INSUFFICIENT_EVIDENCE")
                        .param("note", "缺少现场照片"))
                .andExpect(status().isFound());
        mvc.perform(post("/rectification/tasks/" + id + "/close")
                        .with(csrf())
                        .cookie(office)
                        .param("version", "" + version)
                        .param("note", "同意销号"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select state from rectification.task where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("RETURNED");
        assertThat(jdbc.sql("select reason from rectification.task_history where task_id = :id and action = 'RETURNED'")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("INSUFFICIENT_EVIDENCE");
        assertThat(count("select count(*) from rectification.task_history where action = 'CLOSED_OUT' and task_id = "
                        + id))
                .isZero();
    }

    @Test
    void twoSavesOfTheSameVersionRaceAndOnlyOneWins() throws Exception {
        RectificationTask task =
                tasks.find(taskOf("闫集镇", false), TaskScope.everything()).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> saves = new ArrayList<>();
        for (String who : List.of("甲", "乙")) {
            saves.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    changes.plan(task, "措施" + who, "责任人" + who, false, null, List.of(), "liaison");
                    return "saved";
                } catch (OptimisticLockingFailureException e) {
                    return "conflict";
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<String> outcomes = saves.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).containsExactlyInAnyOrder("saved", "conflict");
        RectificationTask after = tasks.find(task.id(), TaskScope.everything()).orElseThrow();
        assertThat(after.version()).isEqualTo(task.version() + 1);
        assertThat(after.measures()).isIn("措施甲", "措施乙");
    }

    @Test
    void theTownshipReportTheRoundSummaryAndTheLedgerReadBack() throws Exception {
        Cookie liaison = signIn("liaison");
        long plan = jdbc.sql("select id from rectification.plan where township_name = '坞墙镇' and feedback_id < 0")
                .query(Long.class)
                .single();
        byte[] report = mvc.perform(
                        get("/rectification/plans/" + plan + "/report.docx").cookie(liaison))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report))) {
            String text = String.join(
                    "\n",
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("中共坞墙镇委员会关于巡察反馈问题整改情况的报告");
            assertThat(text).contains("巡察反馈问题共8个").contains("二、问题整改情况");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().get(0).getRows()).hasSize(9);
        }
        Cookie office = signIn("office");
        long round = jdbc.sql("select round_id from rectification.plan where feedback_id < 0 limit 1")
                .query(Long.class)
                .single();
        byte[] summary = mvc.perform(
                        get("/rectification/rounds/" + round + "/summary.docx").cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(summary))) {
            assertThat(doc.getParagraphs().get(0).getText()).endsWith("巡察整改工作情况汇总");
            assertThat(doc.getTables().get(0).getRows()).hasSize(5); // header + 4 pilot townships
            String text = String.join(
                    "\n",
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("二、共性问题").contains("个村居存在“党的建设”方面问题");
        }
        mvc.perform(get("/rectification/analysis").param("round", "" + round).cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共性问题")))
                .andExpect(content().string(containsString("古城街道")));
    }

    @Test
    void aProblemRaisedByResidentsIsFollowedUntilClosedOutWithItsPublicReply() throws Exception {
        Cookie office = signIn("office");
        long id = taskOf("坞墙镇", true);
        MvcResult before = mvc.perform(get("/rectification/petitions").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/rectification/tasks/" + id + "\"")))
                .andReturn();
        assertThat(before.getResponse().getContentAsString()).contains("尚未办结");
        Cookie liaison = signIn("liaison");
        mvc.perform(post("/rectification/tasks/" + id + "/plan")
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "" + version(id))
                        .param("measures", "逐户核查低保对象")
                        .param("responsible", "民政所长"))
                .andExpect(status().isFound());
        mvc.perform(multipart("/rectification/tasks/" + id + "/evidence")
                        .file(new MockMultipartFile(
                                "file", "清退名单.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                        .param("note", "清退名单")
                        .with(csrf())
                        .cookie(liaison))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select sha256 from rectification.evidence where task_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .hasSize(64);
        mvc.perform(post("/rectification/tasks/" + id + "/submit")
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "" + version(id)))
                .andExpect(status().isFound());
        mvc.perform(post("/rectification/tasks/" + id + "/close")
                        .with(csrf())
                        .cookie(office)
                        .param("version", "" + version(id))
                        .param("publicReply", "已清退不符合条件的低保对象2户。"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select public_reply from rectification.task where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("已清退不符合条件的低保对象2户。");
        mvc.perform(get("/rectification/petitions").cookie(office))
                .andExpect(content().string(not(containsString("/rectification/tasks/" + id + "\""))));
    }

    @Autowired
    Plans plans;

    @Autowired
    org.xuncha.organization.Regions regions;

    @Autowired
    org.xuncha.files.FileStore files;

    @Autowired
    org.xuncha.audit.AuditLog audit;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void closingOutAPetitionsTaskConcludesThePetitionWithThePublicReply() {
        List<String> concluded = new ArrayList<>();
        org.xuncha.intake.PetitionOutcomes outcomes = new org.xuncha.intake.PetitionOutcomes() {
            @Override
            public void recordedAs(long petitionId, String recordKind, long recordId) {}

            @Override
            public void concluded(long petitionId, String publicReply) {
                concluded.add(petitionId + ":" + publicReply);
            }
        };
        TaskChanges withIntake = new TaskChanges(
                tasks,
                plans,
                regions,
                files,
                audit,
                events,
                new org.springframework.beans.factory.support.StaticListableBeanFactory(
                                java.util.Map.of("outcomes", outcomes))
                        .getBeanProvider(org.xuncha.intake.PetitionOutcomes.class),
                java.time.Clock.systemDefaultZone());
        long id = jdbc.sql("select id from rectification.task where township_name = '闫集镇' and state = 'OPEN'"
                        + " and petition_id is not null order by id limit 1")
                .query(Long.class)
                .single();
        RectificationTask task = tasks.find(id, TaskScope.everything()).orElseThrow();
        withIntake.plan(task, "逐户核查", "民政所长", false, null, List.of(), "liaison");
        withIntake.addEvidence(tasks.find(id, TaskScope.everything()).orElseThrow(), null, null, "核查表", "liaison");
        withIntake.submit(tasks.find(id, TaskScope.everything()).orElseThrow(), "liaison");
        withIntake.closeOut(tasks.find(id, TaskScope.everything()).orElseThrow(), "核查属实", "已整改到位。", "supervisor");
        assertThat(concluded).containsExactly(task.petitionId() + ":已整改到位。");
    }

    @Test
    void theDailyWarningsRunOncePerDayAndEachWarningIsSentOnce() {
        LocalDate later = LocalDate.now().plusYears(3);
        long unclosedWithoutRed = count("select count(*) from rectification.task t where t.state <> 'CLOSED_OUT'"
                + " and not exists (select 1 from rectification.warning_sent w where w.task_id = t.id"
                + " and w.colour = 'RED')");
        List<DailyWarnings.Sent> first = warnings.runFor(later);
        assertThat(first).hasSize((int) unclosedWithoutRed).allMatch(s -> s.colour() == WarningColour.RED);
        assertThat(warnings.runFor(later)).isEmpty();
        assertThat(warnings.runFor(later.plusDays(1))).isEmpty();
    }

    @Test
    void theLiaisonIsNotifiedOfItsTownshipsWarningsOnly() throws Exception {
        Cookie liaison = signIn("liaison");
        String list = mvc.perform(get("/notifications").cookie(liaison))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("【绿色预警】坞墙镇").doesNotContain("冯桥镇").doesNotContain("闫集镇");
        mvc.perform(get("/notifications/bell").cookie(liaison))
                .andExpect(content().string(containsString("bell-count")));
        mvc.perform(post("/notifications/read").with(csrf()).cookie(liaison)).andExpect(status().isFound());
        mvc.perform(get("/notifications/bell").cookie(liaison))
                .andExpect(content().string(not(containsString("bell-count"))));
        Cookie supervisor = signIn("supervisor");
        mvc.perform(get("/notifications").cookie(supervisor))
                .andExpect(content().string(containsString("【黄色预警】冯桥镇")));
    }

    @Test
    void aTownshipRoleCannotVerifyAndAdministratorsSeeNothing() throws Exception {
        long own = taskOf("坞墙镇", false);
        mvc.perform(post("/rectification/tasks/" + own + "/close")
                        .with(csrf())
                        .cookie(signIn("liaison"))
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rectification").cookie(signIn("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/rectification/calendar").cookie(signIn("liaison"))).andExpect(status().isForbidden());
        mvc.perform(get("/rectification/calendar").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("春节调休上班")));
    }

    @Test
    void everyPageOfTheOfficeAndTheTownshipRenders() throws Exception {
        Cookie office = signIn("office");
        long plan = jdbc.sql("select id from rectification.plan where township_name = '坞墙镇' and feedback_id < 0")
                .query(Long.class)
                .single();
        for (String path : List.of(
                "/rectification",
                "/rectification/plans/" + plan,
                "/rectification/settings",
                "/rectification/petitions",
                "/supervision",
                "/revisits",
                "/revisits/new",
                "/revisits/settings",
                "/notifications")) {
            mvc.perform(get(path).cookie(office)).andExpect(status().isOk());
        }
        mvc.perform(get("/rectification/settings").cookie(office))
                .andExpect(content().string(containsString("第一督导组")))
                .andExpect(content().string(containsString("整改方案针对性、可操作性")));
        Cookie liaison = signIn("liaison");
        mvc.perform(get("/rectification/plans/" + plan).cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报送巡察办审核")));
    }

    @Test
    void theTownshipSubmitsItsPlanAndTheOfficeReturnsThenApprovesIt() throws Exception {
        long plan = jdbc.sql("select id from rectification.plan where township_name = '闫集镇' and feedback_id < 0")
                .query(Long.class)
                .single();
        Cookie liaison = signIn("liaison");
        // 闫集镇 is not the liaison's township
        mvc.perform(post("/rectification/plans/" + plan)
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "0")
                        .param("summary", "越权"))
                .andExpect(status().isNotFound());
        long own = jdbc.sql("select id from rectification.plan where township_name = '坞墙镇' and feedback_id < 0")
                .query(Long.class)
                .single();
        int version = planVersion(own);
        mvc.perform(post("/rectification/plans/" + own)
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "" + version)
                        .param("summary", "镇党委书记为第一责任人，逐项对账销号。")
                        .param("submit", "true"))
                .andExpect(status().isFound());
        assertThat(planState(own)).isEqualTo("SUBMITTED");
        Cookie office = signIn("office");
        mvc.perform(post("/rectification/plans/" + own + "/decision")
                        .with(csrf())
                        .cookie(office)
                        .param("version", "" + planVersion(own))
                        .param("approve", "false")
                        .param("note", "请细化三资问题的整改时限"))
                .andExpect(status().isFound());
        assertThat(planState(own)).isEqualTo("RETURNED");
        mvc.perform(post("/rectification/plans/" + own)
                        .with(csrf())
                        .cookie(liaison)
                        .param("version", "" + planVersion(own))
                        .param("summary", "镇党委书记为第一责任人，三资问题12月底前完成。")
                        .param("submit", "true"))
                .andExpect(status().isFound());
        mvc.perform(post("/rectification/plans/" + own + "/decision")
                        .with(csrf())
                        .cookie(office)
                        .param("version", "" + planVersion(own))
                        .param("approve", "true"))
                .andExpect(status().isFound());
        assertThat(planState(own)).isEqualTo("APPROVED");
        // other tests of this context still write measures in 坞墙镇
        jdbc.sql("update rectification.plan set state = 'DRAFT' where id = :id")
                .param("id", own)
                .update();
    }

    @Test
    void aSupervisionGroupRecordsAVisitWithScoresOnlyInItsTownships() throws Exception {
        Cookie supervisor = signIn("supervisor");
        long group = jdbc.sql("select id from rectification.supervision_group where name = '第一督导组'")
                .query(Long.class)
                .single();
        List<Long> indicators = jdbc.sql("select id from rectification.indicator order by position limit 2")
                .query(Long.class)
                .list();
        long task = taskOf("冯桥镇", false);
        mvc.perform(post("/supervision/visits")
                        .with(csrf())
                        .cookie(supervisor)
                        .param("group", "" + group)
                        .param("township", "" + townshipId("冯桥镇"))
                        .param("visitedOn", LocalDate.now().toString())
                        .param("localities", "何园村")
                        .param("opinions", "台账基本规范，个别问题整改不够深入。")
                        .param("task", "" + task)
                        .param("grade_" + indicators.get(0), "GOOD")
                        .param("grade_" + indicators.get(1), "AVERAGE"))
                .andExpect(status().isFound());
        mvc.perform(get("/supervision").cookie(supervisor))
                .andExpect(content().string(containsString("台账基本规范")))
                .andExpect(content().string(containsString("80.0")));
        mvc.perform(post("/supervision/visits")
                        .with(csrf())
                        .cookie(supervisor)
                        .param("group", "" + group)
                        .param("township", "" + townshipId("古城街道"))
                        .param("visitedOn", LocalDate.now().toString())
                        .param("localities", "方洼村")
                        .param("opinions", "越权"))
                .andExpect(status().isNotFound());
    }

    private int planVersion(long plan) {
        return jdbc.sql("select version from rectification.plan where id = :id")
                .param("id", plan)
                .query(Integer.class)
                .single();
    }

    private String planState(long plan) {
        return jdbc.sql("select state from rectification.plan where id = :id")
                .param("id", plan)
                .query(String.class)
                .single();
    }

    private long taskOf(String township, boolean massRaised) {
        return jdbc.sql(
                        "select id from rectification.task where township_name = :t and feedback_id < 0 and state = 'OPEN'"
                                + " and (petition_id is not null) = :mass order by id limit 1")
                .param("t", township)
                .param("mass", massRaised)
                .query(Long.class)
                .single();
    }

    private String localityOf(long task) {
        return jdbc.sql("select locality_name from rectification.task where id = :id")
                .param("id", task)
                .query(String.class)
                .single();
    }

    private long townshipId(String name) {
        return jdbc.sql("select township_id from rectification.plan where township_name = :n limit 1")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private int version(long task) {
        return jdbc.sql("select version from rectification.task where id = :id")
                .param("id", task)
                .query(Integer.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }
}
