package org.xuncha.findings;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xuncha.DemoLogins;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.planning.RoundId;

/**
 * Findings through the pages, signed in through the real form: the working paper's way member → leader → office
 * (a member cannot approve, a returned paper goes back with its comments), evidence versions with their SHA-256,
 * repeat detection, the sheets read back with POI, and the scope of findings by role and group.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindingsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Findings findings;

    @Autowired
    InspectorPool pool;

    RoundId pilot;
    List<Long> ownLocalities;
    long otherLocality;
    long category;

    @BeforeEach
    void demoIsLoaded() {
        pilot = FindingsTestSupport.awaitDemo(jdbc);
        long member = pool.inspectorOf("groupmember").orElseThrow().value();
        ownLocalities = FindingsTestSupport.localitiesOf(jdbc, member, pilot);
        otherLocality = FindingsTestSupport.anotherLocality(jdbc, pilot, ownLocalities);
        category = jdbc.sql("select id from findings.category where name = '民生保障'")
                .query(Long.class)
                .single();
    }

    @Test
    void aMemberCannotApproveAndAReturnedPaperGoesBackWithItsCommentsUntilTheOfficeApproves() throws Exception {
        Cookie member = signIn("groupmember");
        Cookie leader = signIn("groupleader");
        long id = record(member, ownLocalities.get(0), "五保户供养金发放登记不全，部分月份无本人签字。");

        paper(member, id, "submit", "经查阅2024年五保供养金发放表，3户有4个月无本人签字。");
        assertThat(state(id)).isEqualTo(FindingState.SUBMITTED);

        // a member is refused by the rule on the endpoint; the state does not move
        mvc.perform(post("/findings/" + id + "/leader")
                        .with(csrf())
                        .cookie(member)
                        .param("approve", "true")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isForbidden());
        assertThat(state(id)).isEqualTo(FindingState.SUBMITTED);

        // returning needs a comment; with one the paper goes back to the member
        decide(leader, id, "leader", false, "");
        assertThat(state(id)).isEqualTo(FindingState.SUBMITTED);
        decide(leader, id, "leader", false, "请补充签字缺失的具体户数和月份。");
        assertThat(state(id)).isEqualTo(FindingState.RETURNED);
        mvc.perform(get("/findings/" + id).cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请补充签字缺失的具体户数和月份。")))
                .andExpect(content().string(containsString("data-testid=\"submit-paper\"")));
        mvc.perform(get("/findings/queue").cookie(member))
                .andExpect(content().string(containsString("/findings/" + id + "\"")));

        paper(member, id, "submit", "经查阅2024年五保供养金发放表，张庄村3户有4个月（3月至6月）无本人签字。");
        decide(leader, id, "leader", true, "同意。");
        assertThat(state(id)).isEqualTo(FindingState.LEADER_APPROVED);
        assertThat(findings.approvedOfRound(pilot)).noneMatch(f -> f.id() == id);

        // the office's review: the leader cannot do it
        mvc.perform(post("/findings/" + id + "/office")
                        .with(csrf())
                        .cookie(leader)
                        .param("approve", "true")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/findings/queue").cookie(signIn("office")))
                .andExpect(content().string(containsString("/findings/" + id + "\"")));
        decide(signIn("office"), id, "office", true, "");
        assertThat(state(id)).isEqualTo(FindingState.APPROVED);
        assertThat(findings.approvedOfRound(pilot))
                .filteredOn(f -> f.id() == id)
                .singleElement()
                .satisfies(f -> assertThat(f.proposedHandling()).isEqualTo("逐户补签，规范发放登记。"));

        assertThat(jdbc.sql("select action from findings.paper_step where finding_id = :id order by id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("SUBMITTED", "LEADER_RETURNED", "SUBMITTED", "LEADER_APPROVED", "OFFICE_APPROVED");
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where object_type = 'WorkingPaper' and object_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(5);

        // the approval sheet names every step with its comment; the fact sheet carries the facts
        String sheet =
                docx(mvc.perform(get("/findings/" + id + "/approval-sheet.docx").cookie(leader))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(sheet).contains("巡察问题底稿审批单", "民生保障", "张庄村3户有4个月", "逐户补签", "请补充签字缺失的具体户数和月份。", "巡察办审核（审定）");
        String facts = docx(
                mvc.perform(get("/findings/" + id + "/fact-confirmation.docx").cookie(member))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(facts).contains("巡察发现问题事实确认单", "张庄村3户有4个月", "中共睢阳区委巡察工作领导小组办公室");
    }

    @Test
    void aFixOnTheSpotNeedsWhatWasDoneIsRecordedWithItsDateAndAStaleOrForeignOneIsRefused() throws Exception {
        Cookie member = signIn("groupmember");
        long id = record(member, ownLocalities.get(0), "村务公开栏半年未更新，低保名单未公示。");
        String today = java.time.LocalDate.now().toString();
        // what was done is required: nothing changes without it
        mvc.perform(post("/findings/" + id + "/fix")
                        .with(csrf())
                        .cookie(member)
                        .param("action", " ")
                        .param("fixedOn", today)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(findings.find(id).orElseThrow().fixedOnTheSpot()).isFalse();
        // with it the fix is recorded with its date; a second save from the same (now stale) version is refused
        int stale = version(id);
        mvc.perform(post("/findings/" + id + "/fix")
                        .with(csrf())
                        .cookie(member)
                        .param("action", "当日更新公开栏，公示低保名单。")
                        .param("fixedOn", today)
                        .param("version", String.valueOf(stale)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select fixed_on_the_spot, fix_action, fixed_on::text from findings.finding where id = :id")
                        .param("id", id)
                        .query((rs, n) -> rs.getBoolean(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                        .single())
                .isEqualTo("true|当日更新公开栏，公示低保名单。|" + today);
        mvc.perform(post("/findings/" + id + "/fix")
                        .with(csrf())
                        .cookie(member)
                        .param("action", "再次更新。")
                        .param("fixedOn", today)
                        .param("version", String.valueOf(stale)))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select fix_action from findings.finding where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("当日更新公开栏，公示低保名单。");
        mvc.perform(get("/findings/" + id).cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当日更新公开栏，公示低保名单。")));
        // a finding of another group's 村居 is not found for this member; a liaison may not record fixes at all
        long theirs = jdbc.sql("select id from findings.finding where round_id = :round and locality_id = :l limit 1")
                .param("round", pilot.value())
                .param("l", otherLocality)
                .query(Long.class)
                .optional()
                .orElse(-1L);
        if (theirs > 0) {
            mvc.perform(post("/findings/" + theirs + "/fix")
                            .with(csrf())
                            .cookie(member)
                            .param("action", "x")
                            .param("fixedOn", today)
                            .param("version", "0"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/findings/" + id + "/fix")
                        .with(csrf())
                        .cookie(signIn("liaison"))
                        .param("action", "x")
                        .param("fixedOn", today)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isForbidden());
    }

    @Test
    void replacingEvidenceKeepsEveryVersionWithItsSha256AndEachStaysDownloadable() throws Exception {
        Cookie member = signIn("groupmember");
        long id = record(member, ownLocalities.get(0), "村务公开栏内容长期未更新。");
        byte[] first = pdf("first");
        byte[] second = pdf("second version");
        mvc.perform(multipart("/findings/" + id + "/evidence")
                        .file(new MockMultipartFile("file", "公开栏.pdf", "application/pdf", first))
                        .param("title", "村务公开栏照片")
                        .with(csrf())
                        .cookie(member))
                .andExpect(status().is3xxRedirection());
        long evidence = jdbc.sql("select id from findings.evidence where finding_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        mvc.perform(multipart("/findings/" + id + "/evidence/" + evidence)
                        .file(new MockMultipartFile("file", "公开栏-2.pdf", "application/pdf", second))
                        .param("version", "1")
                        .with(csrf())
                        .cookie(member))
                .andExpect(status().is3xxRedirection());
        List<String> shas = jdbc.sql(
                        "select sha256 from findings.evidence_version where evidence_id = :e order by number")
                .param("e", evidence)
                .query(String.class)
                .list();
        assertThat(shas).containsExactly(sha256(first), sha256(second));
        List<String> files = jdbc.sql(
                        "select file_id from findings.evidence_version where evidence_id = :e order by number")
                .param("e", evidence)
                .query(String.class)
                .list();
        byte[] old = mvc.perform(
                        get("/findings/" + id + "/files/" + files.get(0)).cookie(signIn("office")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(old).isEqualTo(first);
        mvc.perform(get("/findings/" + id).cookie(member))
                .andExpect(content().string(containsString(sha256(first))))
                .andExpect(content().string(containsString(sha256(second))));
        // a stale replacement (version 1 again) is a conflict, not a silent overwrite
        mvc.perform(multipart("/findings/" + id + "/evidence/" + evidence)
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", pdf("x")))
                        .param("version", "1")
                        .with(csrf())
                        .cookie(member))
                .andExpect(status().isConflict());
        // an evidence file of another finding is not reachable through this one
        long other = record(member, ownLocalities.get(0), "另一问题。");
        mvc.perform(get("/findings/" + other + "/files/" + files.get(0)).cookie(member))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where object_type = 'Evidence' and action = 'EXPORT'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aSimilarFindingInTheSameLocalityIsLinkedAsARecurrence() throws Exception {
        Cookie member = signIn("groupmember");
        long first = record(member, ownLocalities.get(0), "低保户认定不精准，存在优亲厚友现象，村干部亲属违规享受低保。");
        long second = record(member, ownLocalities.get(0), "村干部亲属违规享受低保，低保户认定不精准。");
        long unrelated = record(member, ownLocalities.get(0), "道路两侧垃圾堆放无人清理。");
        mvc.perform(get("/findings/" + second).cookie(member))
                .andExpect(content().string(containsString("data-testid=\"repeat-links\"")))
                .andExpect(content().string(containsString("href=\"/findings/" + first + "\"")));
        assertThat(jdbc.sql(
                                "select count(*) from findings.finding_link where finding_id = :b and related_id = :a and kind = 'RECURRENCE'")
                        .param("a", first)
                        .param("b", second)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from findings.finding_link where (finding_id = :u or related_id = :u) and kind = 'RECURRENCE'")
                        .param("u", unrelated)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void findingsAreScopedByRoleAndGroup() throws Exception {
        Cookie member = signIn("groupmember");
        long theirs = jdbc.sql("select id from findings.finding where locality_id = :l order by id limit 1")
                .param("l", otherLocality)
                .query(Long.class)
                .single();
        mvc.perform(get("/findings/" + theirs).cookie(member)).andExpect(status().isNotFound());
        mvc.perform(get("/findings/" + theirs + "/approval-sheet.docx").cookie(member))
                .andExpect(status().isNotFound());
        String otherName = jdbc.sql("select locality_name from findings.finding where id = :id")
                .param("id", theirs)
                .query(String.class)
                .single();
        mvc.perform(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/findings/" + theirs + "\""))));
        // a member cannot record in another group's 村居
        mvc.perform(multipart("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .param("locality", String.valueOf(otherLocality))
                        .param("categoryId", String.valueOf(category))
                        .param("description", "x")
                        .param("sourceKind", "VISIT")
                        .param("severity", "GENERAL")
                        .param("version", "0")
                        .with(csrf())
                        .cookie(member))
                .andExpect(status().isNotFound());
        // the office sees the district; township liaisons and receivers see no finding
        mvc.perform(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .cookie(signIn("office")))
                .andExpect(content().string(containsString(otherName)));
        mvc.perform(get("/findings").cookie(signIn("liaison"))).andExpect(status().isForbidden());
        mvc.perform(get("/findings/" + theirs).cookie(signIn("liaison"))).andExpect(status().isForbidden());
        mvc.perform(get("/findings/" + theirs).cookie(signIn("receiver"))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeKeepsTheTaxonomy() throws Exception {
        Cookie office = signIn("office");
        mvc.perform(post("/findings/categories")
                        .with(csrf())
                        .cookie(office)
                        .param("name", "换届选举")
                        .param("active", "true")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/findings/categories").cookie(office))
                .andExpect(content().string(containsString("换届选举")))
                .andExpect(content().string(containsString("意识形态工作")));
        mvc.perform(post("/findings/categories")
                        .with(csrf())
                        .cookie(office)
                        .param("name", "换届选举")
                        .param("active", "true")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/findings/categories").cookie(signIn("groupmember"))).andExpect(status().isForbidden());
    }

    private long record(Cookie member, long locality, String description) throws Exception {
        MvcResult result = mvc.perform(multipart("/findings")
                        .file(new MockMultipartFile("photo", "", "application/octet-stream", new byte[0]))
                        .param("round", String.valueOf(pilot.value()))
                        .param("locality", String.valueOf(locality))
                        .param("categoryId", String.valueOf(category))
                        .param("description", description)
                        .param("sourceKind", "VISIT")
                        .param("severity", "GENERAL")
                        .param("version", "0")
                        .with(csrf())
                        .cookie(member))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/findings/\\d+");
        return Long.parseLong(location.substring("/findings/".length()));
    }

    private void paper(Cookie member, long id, String action, String facts) throws Exception {
        mvc.perform(post("/findings/" + id + "/paper")
                        .with(csrf())
                        .cookie(member)
                        .param("facts", facts)
                        .param("ruleBroken", "《农村五保供养工作条例》")
                        .param("proposedHandling", "逐户补签，规范发放登记。")
                        .param("action", action)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
    }

    private void decide(Cookie who, long id, String step, boolean approve, String comment) throws Exception {
        mvc.perform(post("/findings/" + id + "/" + step)
                        .with(csrf())
                        .cookie(who)
                        .param("approve", String.valueOf(approve))
                        .param("comment", comment)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
    }

    private FindingState state(long id) {
        return findings.find(id).orElseThrow().state();
    }

    private int version(long id) {
        return jdbc.sql("select version from findings.finding where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    static String docx(MvcResult result) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(
                        new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }
}
