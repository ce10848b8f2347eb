package org.xuncha.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.DemoLogins;
import org.xuncha.planning.FieldworkCompletionCheck;
import org.xuncha.planning.RoundId;

/**
 * Fieldwork through the real sign-in: the demo pilot's records, who sees which 村居 (a member of the 坞墙镇 group gets
 * 404 for another group's talks and 村居; a liaison, a supervisor and administrators get 403), talk notes only for the
 * group and the office (the office's read audited), the two-inspector rule, the notice with its QR code, and the
 * special-household gate that planning asks before fieldwork finishes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FieldworkWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<FieldworkCompletionCheck> checks;

    long pilot;
    String day;
    long wuqiang;
    long fengqiao;

    @BeforeEach
    void demoIsLoaded() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from planning.round where kind = 'PILOT'"
                                        + " and state = 'FIELDWORK_FINISHED'")
                                .query(Long.class)
                                .single()
                        == 1);
        pilot = jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single();
        day = jdbc.sql("select entry_date + 1 from planning.round where id = :r")
                .param("r", pilot)
                .query(String.class)
                .single();
        // the demo puts groupmember into a pilot group taking a 村居 of 坞墙镇; "fengqiao" is one of another group
        wuqiang = groupLocality(true);
        fengqiao = groupLocality(false);
    }

    long groupLocality(boolean mine) {
        return jdbc.sql("select gl.locality_id from planning.group_locality gl where gl.round_id = :r and "
                        + (mine ? "" : "not ") + "exists (select 1 from planning.group_member gm join"
                        + " inspectors.inspector i on i.id = gm.inspector_id where gm.group_id = gl.group_id"
                        + " and i.linked_username = 'groupmember') order by gl.locality_id limit 1")
                .param("r", pilot)
                .query(Long.class)
                .single();
    }

    Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }

    long talkIn(long locality) {
        return jdbc.sql("select min(id) from fieldwork.talk where round_id = :r and locality_id = :l")
                .param("r", pilot)
                .param("l", locality)
                .query(Long.class)
                .single();
    }

    @Test
    void theDemoPilotHasEverySpecialHouseholdVisitedOrExcusedAndItsFiguresAddUp() {
        long special = jdbc.sql("select count(*) from organization.household h join planning.round_locality l"
                        + " on l.locality_id = h.locality_id where l.round_id = :r and (h.five_guarantees"
                        + " or h.minimum_living or h.dilapidated_housing)")
                .param("r", pilot)
                .query(Long.class)
                .single();
        long covered = jdbc.sql("select count(distinct household_id) from (select household_id from"
                        + " fieldwork.household_visit where round_id = :r union select household_id from"
                        + " fieldwork.visit_excuse where round_id = :r) c join organization.household h on"
                        + " h.id = c.household_id where h.five_guarantees or h.minimum_living or h.dilapidated_housing")
                .param("r", pilot)
                .query(Long.class)
                .single();
        assertThat(special).isPositive();
        assertThat(covered).isEqualTo(special);
        assertThat(checks.stream()
                        .flatMap(c -> c.openItems(new RoundId(pilot), java.util.Locale.SIMPLIFIED_CHINESE).stream()))
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from fieldwork.talk where round_id = :r")
                        .param("r", pilot)
                        .query(Long.class)
                        .single())
                .isEqualTo(24);
    }

    @Test
    void aMemberOfTheWuqiangGroupSeesOnlyItsLocalitiesAndGets404ForAnotherGroupsTalk() throws Exception {
        Cookie member = signIn("groupmember");
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/talks/" + talkIn(wuqiang))
                        .cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"talk-notes\"")));
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/talks/" + talkIn(fengqiao))
                        .cookie(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + fengqiao)
                        .cookie(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + fengqiao + "/notice.docx")
                        .cookie(member))
                .andExpect(status().isNotFound());
        String fengqiaoName = jdbc.sql(
                        "select name from planning.round_locality where round_id = :r and locality_id = :l")
                .param("r", pilot)
                .param("l", fengqiao)
                .query(String.class)
                .single();
        mvc.perform(get("/fieldwork/rounds/" + pilot).cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(fengqiaoName))));
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + fengqiao + "/broadcasts")
                        .cookie(member)
                        .with(csrf())
                        .param("broadcastOn", "2026-01-05")
                        .param("place", "村委会")
                        .param("times", "1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void liaisonSupervisorReceiverAndAdministratorsSeeNoFieldwork() throws Exception {
        for (String user : List.of("liaison", "supervisor", "receiver", "sysadmin", "auditor")) {
            Cookie cookie = signIn(user);
            mvc.perform(get("/fieldwork").cookie(cookie)).andExpect(status().isForbidden());
            mvc.perform(get("/fieldwork/rounds/" + pilot + "/talks/" + talkIn(wuqiang))
                            .cookie(cookie))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang)
                            .cookie(cookie))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theLeaderReadsFiguresButNoNotesAndTheOfficesReadOfNotesIsAudited() throws Exception {
        long talk = talkIn(fengqiao);
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/talks/" + talk).cookie(signIn("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("talk-notes"))))
                .andExpect(content().string(not(containsString("班子团结"))));
        long before = audits(talk);
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/talks/" + talk).cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("班子团结")));
        assertThat(audits(talk)).isEqualTo(before + 1);
        byte[] stored = jdbc.sql("select notes_cipher from fieldwork.talk where id = :id")
                .param("id", talk)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("班子团结");
    }

    @Test
    void aPostingPhotoIsKeptWithoutItsNameAndOnlyTheGroupAndTheOfficeCanOpenIt() throws Exception {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        Cookie member = signIn("groupmember");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/postings")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "photo", "张贴.jpg", "image/jpeg", jpeg.toByteArray()))
                        .cookie(member)
                        .with(csrf())
                        .param("location", "村务公开栏")
                        .param("copies", "1")
                        .param("postedOn", day))
                .andExpect(flash().attribute("saved", true));
        String photo = jdbc.sql("select photo_id from fieldwork.notice_posting where round_id = :r and locality_id = :l"
                        + " and photo_id is not null order by id desc limit 1")
                .param("r", pilot)
                .param("l", wuqiang)
                .query(String.class)
                .single();
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/files/" + photo).cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/files/" + photo).cookie(signIn("office")))
                .andExpect(status().isOk());
        // not through a round it is not in, and not for a township liaison
        mvc.perform(get("/fieldwork/rounds/" + (pilot + 1000) + "/files/" + photo)
                        .cookie(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/files/" + photo).cookie(signIn("liaison")))
                .andExpect(status().isForbidden());
        // a script renamed .jpg is refused by content
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/postings")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "photo", "x.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()))
                        .cookie(member)
                        .with(csrf())
                        .param("location", "村口")
                        .param("copies", "1")
                        .param("postedOn", day))
                .andExpect(flash().attribute("error", containsString("x.jpg")));
    }

    @Test
    void theLeaderCannotRecordAndTheRoundPageLinksToTheOverview() throws Exception {
        Cookie leader = signIn("leader");
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/broadcasts")
                        .cookie(leader)
                        .with(csrf())
                        .param("broadcastOn", day)
                        .param("place", "村委会")
                        .param("times", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rounds/" + pilot).cookie(signIn("office")))
                .andExpect(content().string(containsString("href=\"/fieldwork/rounds/" + pilot + "\"")))
                .andExpect(content().string(containsString("href=\"/fieldwork\"")));
    }

    long audits(long talk) {
        return jdbc.sql("select count(*) from audit.audit_event where action = 'VIEW_CONFIDENTIAL'"
                        + " and object_type = 'TalkNotes' and object_id = :id")
                .param("id", String.valueOf(talk))
                .query(Long.class)
                .single();
    }

    @Test
    void anIndividualTalkWithOneInspectorIsRefusedByName() throws Exception {
        Cookie member = signIn("groupmember");
        long inspector = jdbc.sql("select gm.inspector_id from planning.group_member gm join planning.group_locality gl"
                        + " on gl.group_id = gm.group_id where gl.round_id = :r and gl.locality_id = :l limit 1")
                .param("r", pilot)
                .param("l", wuqiang)
                .query(Long.class)
                .single();
        long before = talks();
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/talks")
                        .cookie(member)
                        .with(csrf())
                        .param("kind", "INDIVIDUAL")
                        .param("heldOn", day)
                        .param("place", "村委会")
                        .param("inspectors", String.valueOf(inspector))
                        .param("participants", "村会计")
                        .param("personTimes", "1")
                        .param("topic", "财务")
                        .param("notes", "记录"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("至少两名巡察人员")));
        assertThat(talks()).isEqualTo(before);
    }

    @Autowired
    FieldworkFigures figures;

    @Test
    void aDocumentReviewIsRecordedWithItsAttachmentAndABadOneOrAnotherGroupsIsRefused() throws Exception {
        Cookie member = signIn("groupmember");
        String url = "/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/examinations";
        byte[] pdf = "%PDF-1.4\n% 2024年村集体资金收支台账\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long before = examinations();
        mvc.perform(multipart(url)
                        .file(new MockMultipartFile("attachments", "收支台账.pdf", "application/pdf", pdf))
                        .cookie(member)
                        .with(csrf())
                        .param("kind", "DOCUMENT_REVIEW")
                        .param("examinedOn", day)
                        .param("subject", "2024年村集体资金收支台账")
                        .param("place", "村委会档案室")
                        .param("inspectors", String.valueOf(groupInspector()))
                        .param("notes", "3笔支出无经手人签字。"))
                .andExpect(flash().attribute("saved", true));
        assertThat(examinations()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select e.kind || '|' || e.subject || '|' || e.place || '|' || a.file_name"
                                + " from fieldwork.examination e join fieldwork.examination_attachment a"
                                + " on a.examination_id = e.id where e.round_id = :r and e.locality_id = :l"
                                + " order by e.id desc limit 1")
                        .param("r", pilot)
                        .param("l", wuqiang)
                        .query(String.class)
                        .single())
                .isEqualTo("DOCUMENT_REVIEW|2024年村集体资金收支台账|村委会档案室|收支台账.pdf");
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang).cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2024年村集体资金收支台账")));
        // without what was examined, or with a script named .pdf, nothing is written
        mvc.perform(multipart(url)
                        .cookie(member)
                        .with(csrf())
                        .param("kind", "SITE_CHECK")
                        .param("examinedOn", day)
                        .param("subject", " ")
                        .param("place", "养殖场")
                        .param("inspectors", String.valueOf(groupInspector())))
                .andExpect(flash().attribute("error", containsString("调阅或查看的内容")));
        mvc.perform(multipart(url)
                        .file(new MockMultipartFile(
                                "attachments",
                                "照片.pdf",
                                "application/pdf",
                                "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .cookie(member)
                        .with(csrf())
                        .param("kind", "SITE_CHECK")
                        .param("examinedOn", day)
                        .param("subject", "养殖场占用基本农田")
                        .param("place", "村东")
                        .param("inspectors", String.valueOf(groupInspector()))
                        .param("notes", ""))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.notNullValue()));
        assertThat(examinations()).isEqualTo(before + 1);
        // another group's 村居 is not found for this member
        mvc.perform(multipart("/fieldwork/rounds/" + pilot + "/localities/" + fengqiao + "/examinations")
                        .cookie(member)
                        .with(csrf())
                        .param("kind", "SITE_CHECK")
                        .param("examinedOn", day)
                        .param("subject", "x")
                        .param("place", "y"))
                .andExpect(status().isNotFound());
        assertThat(examinations()).isEqualTo(before + 1);
    }

    /** An inspector of the group that takes 坞墙's 村居 in the pilot. */
    long groupInspector() {
        return jdbc.sql("select gm.inspector_id from planning.group_member gm join planning.group_locality gl"
                        + " on gl.group_id = gm.group_id where gl.round_id = :r and gl.locality_id = :l"
                        + " order by gm.inspector_id limit 1")
                .param("r", pilot)
                .param("l", wuqiang)
                .query(Long.class)
                .single();
    }

    long examinations() {
        return jdbc.sql("select count(*) from fieldwork.examination")
                .query(Long.class)
                .single();
    }

    @Test
    void postingsAndBroadcastsAddToTheFiguresAndABadCountIsRefused() throws Exception {
        Cookie member = signIn("groupmember");
        long district = jdbc.sql("select id from organization.region where name = '睢阳区'")
                .query(Long.class)
                .single();
        var office = new org.springframework.security.authentication.TestingAuthenticationToken(
                "office", null, "ROLE_OFFICE_STAFF");
        var scope = org.xuncha.organization.RegionScope.of(List.of(district));
        FieldworkFigures.LocalityFigures before = figures.ofLocality(new RoundId(pilot), wuqiang, scope, office);
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/postings")
                        .cookie(member)
                        .with(csrf())
                        .param("villagerGroup", "第三村民组")
                        .param("location", "小卖部门口")
                        .param("copies", "3")
                        .param("postedOn", day))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/broadcasts")
                        .cookie(member)
                        .with(csrf())
                        .param("broadcastOn", day)
                        .param("place", "村委会大喇叭")
                        .param("times", "2"))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/postings")
                        .cookie(member)
                        .with(csrf())
                        .param("location", "村口")
                        .param("copies", "0")
                        .param("postedOn", day))
                .andExpect(flash().attribute("error", containsString("“份数”须在 1 到 1000 之间")));
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/postings")
                        .cookie(member)
                        .with(csrf())
                        .param("location", "村口")
                        .param("copies", "2")
                        .param(
                                "postedOn",
                                java.time.LocalDate.parse(day).minusDays(20).toString()))
                .andExpect(flash().attribute("error", containsString("不在本轮进驻期间")));
        FieldworkFigures.LocalityFigures after = figures.ofLocality(new RoundId(pilot), wuqiang, scope, office);
        assertThat(after.noticesPosted()).isEqualTo(before.noticesPosted() + 3);
        assertThat(after.broadcasts()).isEqualTo(before.broadcasts() + 2);
        // a liaison's scope and role see nothing of it
        var liaison = new org.springframework.security.authentication.TestingAuthenticationToken(
                "liaison", null, "ROLE_TOWNSHIP_LIAISON");
        assertThat(figures.ofRound(new RoundId(pilot), org.xuncha.organization.RegionScope.none(), liaison)
                        .localities())
                .isEmpty();
    }

    long talks() {
        return jdbc.sql("select count(*) from fieldwork.talk").query(Long.class).single();
    }

    @Test
    void theNoticeCarriesTheRoundsChannelsAndAQrCodeToTheReportPage() throws Exception {
        Cookie office = signIn("office");
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/notice")
                        .cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0370-3211234")))
                .andExpect(content().string(containsString("data:image/png;base64,")));
        byte[] png = mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/qr.png")
                        .cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))))
                .getText();
        assertThat(decoded).isEqualTo("http://localhost/report?round=" + pilot + "&locality=" + wuqiang);
        byte[] docx = mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/notice.docx")
                        .cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getAllPictures()).hasSize(1);
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(text).contains("举报电话：0370-3211234").contains("开展巡察的公告");
        }
    }

    @Test
    void theOfficeEditsTheNoticeWordingOnceAndAStaleEditIsAConflict() throws Exception {
        Cookie office = signIn("office");
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/notice")
                        .cookie(office)
                        .with(csrf())
                        .param("accepts", "惠民政策落实中的问题")
                        .param("version", "-1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/notice")
                        .cookie(office))
                .andExpect(content().string(containsString("惠民政策落实中的问题")));
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/notice")
                        .cookie(office)
                        .with(csrf())
                        .param("accepts", "另一种说法")
                        .param("version", "-1"))
                .andExpect(status().isConflict());
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/notice")
                        .cookie(signIn("groupmember"))
                        .with(csrf())
                        .param("accepts", "x")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
    }

    /** The gate, through planning's own round page: rolled back so the shared demo stays as it was. */
    @Test
    @Transactional
    void planningRefusesToFinishFieldworkWhileASpecialHouseholdIsNeitherVisitedNorExcused() throws Exception {
        Map<String, Object> household = jdbc.sql("select h.id, h.locality_id from organization.household h"
                        + " join fieldwork.household_visit v on v.household_id = h.id and v.round_id = :r"
                        + " where h.locality_id = :l and (h.five_guarantees or h.minimum_living"
                        + " or h.dilapidated_housing) limit 1")
                .param("r", pilot)
                .param("l", wuqiang)
                .query()
                .singleRow();
        long id = ((Number) household.get("id")).longValue();
        jdbc.sql("delete from fieldwork.household_visit where round_id = :r and household_id = :h")
                .param("r", pilot)
                .param("h", id)
                .update();
        jdbc.sql("update planning.round set state = 'IN_FIELD' where id = :r")
                .param("r", pilot)
                .update();
        int version = jdbc.sql("select version from planning.round where id = :r")
                .param("r", pilot)
                .query(Integer.class)
                .single();
        Cookie office = signIn("office");
        mvc.perform(post("/rounds/" + pilot + "/state")
                        .cookie(office)
                        .with(csrf())
                        .param("to", "FIELDWORK_FINISHED")
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("error", containsString("1 户五保户、低保户或危房改造户尚未走访")));
        assertThat(state()).isEqualTo("IN_FIELD");

        Cookie member = signIn("groupmember");
        mvc.perform(post("/fieldwork/rounds/" + pilot + "/localities/" + wuqiang + "/excuses")
                        .cookie(member)
                        .with(csrf())
                        .param("household", String.valueOf(id))
                        .param("reason", "DECEASED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/rounds/" + pilot + "/state")
                        .cookie(office)
                        .with(csrf())
                        .param("to", "FIELDWORK_FINISHED")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(state()).isEqualTo("FIELDWORK_FINISHED");
    }

    String state() {
        return jdbc.sql("select state from planning.round where id = :r")
                .param("r", pilot)
                .query(String.class)
                .single();
    }
}
