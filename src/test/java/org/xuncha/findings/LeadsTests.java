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
import java.time.Duration;
import java.time.Instant;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.DemoLogins;
import org.xuncha.intake.PetitionTriaged;
import org.xuncha.intake.Triage;
import org.xuncha.planning.RoundId;

/**
 * Leads (问题线索): office staff see that a lead exists and its status, never its content — not on the page, the
 * register, the export, the transfer letter or a file; a receiving body sees only the leads sent to it; every view and
 * refusal is audited; the content is sealed in the database; the transfer gets the next register number; overdue
 * leads are flagged. Triaged petitions become a finding or a lead.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeadsTests {

    static final String DEMO_MATTER = "2022年危房改造补助资金1.2万元由原会计经手";

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    RoundId pilot;
    long demoLead;

    @BeforeEach
    void demoIsLoaded() {
        pilot = FindingsTestSupport.awaitDemo(jdbc);
        demoLead = jdbc.sql("select id from findings.lead where receiver = 'DISCIPLINE_COMMISSION' order by id limit 1")
                .query(Long.class)
                .single();
    }

    @Test
    void officeStaffSeeThatALeadExistsButNoContentByIdListExportLetterOrFile() throws Exception {
        Cookie office = signIn("office");
        String number = jdbc.sql("select register_number from findings.lead where id = :id")
                .param("id", demoLead)
                .query(String.class)
                .single();
        mvc.perform(get("/leads/" + demoLead).cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("data-testid=\"lead-confidential\"")))
                .andExpect(content().string(not(containsString(DEMO_MATTER))))
                .andExpect(content().string(not(containsString("村委会原会计"))))
                .andExpect(content().string(not(containsString("letter.docx"))));
        mvc.perform(get("/leads").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString(DEMO_MATTER))));
        String export = xlsx(mvc.perform(get("/leads/register.xlsx").cookie(office))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(export).contains(number).doesNotContain(DEMO_MATTER).doesNotContain("村委会原会计");
        mvc.perform(get("/leads/" + demoLead + "/letter.docx").cookie(office)).andExpect(status().isForbidden());

        // a file of a lead: the director adds it, staff cannot fetch it
        Cookie director = signIn("director");
        long lead = raise(director, "ORGANIZATION_DEPARTMENT", "村党支部书记", "违规发展党员，程序倒置。");
        mvc.perform(multipart("/leads/" + lead + "/files")
                        .file(new MockMultipartFile("file", "谈话笔录.pdf", "application/pdf", FindingsWebTests.pdf("笔录")))
                        .with(csrf())
                        .cookie(director))
                .andExpect(status().is3xxRedirection());
        String fileId = jdbc.sql("select file_id from findings.lead_file where lead_id = :id")
                .param("id", lead)
                .query(String.class)
                .single();
        mvc.perform(get("/leads/" + lead + "/files/" + fileId).cookie(office)).andExpect(status().isForbidden());
        mvc.perform(get("/leads/" + lead + "/files/" + fileId).cookie(director)).andExpect(status().isOk());
        mvc.perform(get("/leads/" + lead).cookie(office))
                .andExpect(content().string(not(containsString("谈话笔录"))))
                .andExpect(content().string(not(containsString("违规发展党员"))));

        assertThat(audits("ACCESS_DENIED", lead)).isPositive();
        assertThat(audits("VIEW_CONFIDENTIAL", demoLead)).isPositive();
        // sealed at rest: the plaintext is nowhere in the row
        byte[] sealed = jdbc.sql("select matter_sealed from findings.lead where id = :id")
                .param("id", lead)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("违规发展党员");
    }

    @Test
    void theDirectorTransfersWithTheNextRegisterNumberAndOnlyTheReceivingBodySeesIt() throws Exception {
        Cookie director = signIn("director");
        Cookie receiver = signIn("receiver");
        long toOrganization = raise(director, "ORGANIZATION_DEPARTMENT", "村委会委员", "长期不参加组织生活。");
        long toDiscipline = raise(director, "DISCIPLINE_COMMISSION", "村报账员", "虚列误工补贴套取资金。");

        // staff cannot approve a transfer; the receiver cannot see a lead not yet transferred
        mvc.perform(post("/leads/" + toDiscipline + "/transfer")
                        .with(csrf())
                        .cookie(signIn("office"))
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/leads/" + toDiscipline).cookie(receiver)).andExpect(status().isNotFound());

        transfer(director, toOrganization);
        transfer(director, toDiscipline);
        int year = jdbc.sql("select extract(year from current_date)::int")
                .query(Integer.class)
                .single();
        assertThat(jdbc.sql("select register_seq from findings.lead where register_year = :y order by register_seq")
                        .param("y", year)
                        .query(Integer.class)
                        .list())
                .startsWith(1, 2)
                .satisfies(list -> assertThat(list.get(list.size() - 1)).isEqualTo(list.size()));
        String number = jdbc.sql("select register_number from findings.lead where id = :id")
                .param("id", toDiscipline)
                .query(String.class)
                .single();
        assertThat(number).matches("睢巡移〔" + year + "〕\\d+号");

        // the receiver of 区纪委监委 sees its lead, not the 组织部's: by id, list, export and letter
        mvc.perform(get("/leads/" + toOrganization).cookie(receiver)).andExpect(status().isNotFound());
        mvc.perform(get("/leads/" + toOrganization + "/letter.docx").cookie(receiver))
                .andExpect(status().isNotFound());
        mvc.perform(get("/leads").cookie(receiver))
                .andExpect(content().string(containsString("/leads/" + toDiscipline + "\"")))
                .andExpect(content().string(not(containsString("/leads/" + toOrganization + "\""))));
        String export =
                xlsx(mvc.perform(get("/leads/register.xlsx").cookie(receiver)).andReturn());
        assertThat(export).contains(number).doesNotContain("区委组织部");
        mvc.perform(get("/leads/" + toDiscipline).cookie(receiver))
                .andExpect(content().string(containsString("虚列误工补贴套取资金。")));

        // the transfer letter: number, receiver, content, deadline
        String letter = FindingsWebTests.docx(
                mvc.perform(get("/leads/" + toDiscipline + "/letter.docx").cookie(receiver))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(letter).contains(number, "关于移交问题线索的函", "区纪委监委：", "村报账员", "虚列误工补贴套取资金。", "前将线索处置情况");

        // receipt, then disposition; only the receiver may do either
        mvc.perform(post("/leads/" + toDiscipline + "/receive")
                        .with(csrf())
                        .cookie(director)
                        .param("version", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/leads/" + toDiscipline + "/receive")
                        .with(csrf())
                        .cookie(receiver)
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/leads/" + toDiscipline + "/disposition")
                        .with(csrf())
                        .cookie(receiver)
                        .param("kind", "CONCLUDED")
                        .param("on", java.time.LocalDate.now().toString())
                        .param("note", "经初核，问题属实，已责令退还。")
                        .param("version", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select state from findings.lead where id = :id")
                        .param("id", toDiscipline)
                        .query(String.class)
                        .single())
                .isEqualTo("CONCLUDED");
        assertThat(audits("UPDATE", toDiscipline)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void overdueLeadsAreFlaggedAndGroupPeopleOtherThanTheLeaderSeeNoLeads() throws Exception {
        Cookie director = signIn("director");
        long lead = raise(director, "DISCIPLINE_COMMISSION", "村主任", "私自出租集体厂房。");
        transfer(director, lead);
        // three months and a day pass without a report
        jdbc.sql("update findings.lead set report_due = current_date - 1 where id = :id")
                .param("id", lead)
                .update();
        mvc.perform(get("/leads").cookie(signIn("office")))
                .andExpect(content().string(containsString("data-testid=\"overdue-count\"")));
        mvc.perform(get("/leads").cookie(signIn("groupmember"))).andExpect(status().isForbidden());
        mvc.perform(get("/leads/" + lead).cookie(signIn("groupmember"))).andExpect(status().isForbidden());
        mvc.perform(get("/leads/" + lead).cookie(signIn("liaison"))).andExpect(status().isForbidden());
        // the demo lead was raised by groupleader's group: the leader reads it
        mvc.perform(get("/leads/" + demoLead).cookie(signIn("groupleader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_MATTER)));
    }

    @Test
    void triagedPetitionsBecomeADraftFindingAndALead() {
        long locality = jdbc.sql(
                        "select locality_id from planning.round_locality where round_id = :r order by locality_id limit 1")
                .param("r", pilot.value())
                .query(Long.class)
                .single();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new PetitionTriaged(
                    900001L,
                    pilot,
                    locality,
                    Triage.RECORD_AS_FINDING,
                    "民生保障",
                    "村里低保名单没有公示。",
                    "属实，作为问题记录",
                    "groupleader",
                    Instant.now()));
            events.publishEvent(new PetitionTriaged(
                    900002L,
                    pilot,
                    locality,
                    Triage.RECORD_AS_LEAD,
                    "其他",
                    "村会计挪用修路款。",
                    "线索具体，作为问题线索",
                    "groupleader",
                    Instant.now()));
            events.publishEvent(new PetitionTriaged(
                    900003L, pilot, locality, Triage.NO_ACTION, "其他", "与巡察无关。", "不予处理", "groupleader", Instant.now()));
        });
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from findings.finding where petition_id = 900001")
                                        .query(Long.class)
                                        .single()
                                == 1
                        && jdbc.sql("select count(*) from findings.lead where petition_id = 900002")
                                        .query(Long.class)
                                        .single()
                                == 1);
        assertThat(jdbc.sql(
                                "select category || '|' || source_kind || '|' || source_id || '|' || state from findings.finding where petition_id = 900001")
                        .query(String.class)
                        .single())
                .isEqualTo("民生保障|PETITION|900001|DRAFT");
        assertThat(jdbc.sql("select count(*) from findings.finding where petition_id = 900003 or source_id = 900003")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long raise(Cookie director, String receiver, String persons, String matter) throws Exception {
        long locality = jdbc.sql(
                        "select locality_id from planning.round_locality where round_id = :r order by locality_id limit 1")
                .param("r", pilot.value())
                .query(Long.class)
                .single();
        MvcResult result = mvc.perform(post("/leads")
                        .with(csrf())
                        .cookie(director)
                        .param("round", String.valueOf(pilot.value()))
                        .param("locality", String.valueOf(locality))
                        .param("persons", persons)
                        .param("matter", matter)
                        .param("receiver", receiver)
                        .param("sensitivity", "SENSITIVE"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().substring("/leads/".length()));
    }

    private void transfer(Cookie director, long lead) throws Exception {
        mvc.perform(post("/leads/" + lead + "/transfer")
                        .with(csrf())
                        .cookie(director)
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select state from findings.lead where id = :id")
                        .param("id", lead)
                        .query(String.class)
                        .single())
                .isEqualTo("TRANSFERRED");
    }

    private long audits(String action, long lead) {
        return jdbc.sql(
                        "select count(*) from audit.audit_event where action = :a and object_type = 'Lead' and object_id = :id")
                .param("a", action)
                .param("id", String.valueOf(lead))
                .query(Long.class)
                .single();
    }

    static String xlsx(MvcResult result) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    text.append(cell.toString()).append('\t');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }
}
