package org.xuncha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;

/** The audit admin's page: newest first, filters from enums, an audited .xlsx export, and the chain check. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    Cookie auditor;

    @BeforeEach
    void signIn() throws Exception {
        auditor = DemoLogins.of(environment).signIn(mvc, "auditor");
    }

    @Test
    void listsNewestFirst() throws Exception {
        auditLog.recordAs("list-test", null, AuditAction.UPDATE, "Test", 1, AuditOutcome.SUCCESS, "older entry");
        auditLog.recordAs("list-test", null, AuditAction.UPDATE, "Test", 2, AuditOutcome.SUCCESS, "newer entry");
        String page = mvc.perform(get("/audit").cookie(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.indexOf("newer entry")).isPositive().isLessThan(page.indexOf("older entry"));
    }

    @Test
    void filtersByActorActionOutcomeAndDates() throws Exception {
        String actor = "filter-" + System.nanoTime();
        auditLog.recordAs(actor, null, AuditAction.EXPORT, "Test", 1, AuditOutcome.SUCCESS, "exported alpha");
        auditLog.recordAs(actor, null, AuditAction.EXPORT, "Test", 2, AuditOutcome.FAILURE, "failed beta");
        auditLog.recordAs(actor, null, AuditAction.IMPORT, "Test", 3, AuditOutcome.SUCCESS, "imported gamma");
        LocalDate today = LocalDate.now();

        mvc.perform(get("/audit")
                        .cookie(auditor)
                        .param("actor", actor)
                        .param("action", "EXPORT")
                        .param("outcome", "SUCCESS")
                        .param("from", today.toString())
                        .param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 1 条记录")))
                .andExpect(content().string(containsString("exported alpha")))
                .andExpect(content().string(not(containsString("failed beta"))))
                .andExpect(content().string(not(containsString("imported gamma"))));
        mvc.perform(get("/audit")
                        .cookie(auditor)
                        .param("actor", actor)
                        .param("to", today.minusDays(1).toString()))
                .andExpect(content().string(containsString("共 0 条记录")));
        mvc.perform(get("/audit").cookie(auditor).param("actor", actor).param("order", "OLDEST_FIRST"))
                .andExpect(content().string(containsString("共 3 条记录")));
    }

    @Test
    void fieldsOutsideTheirEnumsAreRefusedNotRunAsSql() throws Exception {
        mvc.perform(get("/audit")
                        .cookie(auditor)
                        .param("action", "SIGN_IN' or '1'='1")
                        .param("order", "id; drop table x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("查询条件无效")));
        assertThat(jdbc.sql("select count(*) from audit.audit_event")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void exportsTheFilteredListAndAuditsTheExport() throws Exception {
        String actor = "export-" + System.nanoTime();
        auditLog.recordAs(
                actor, "OFFICE_STAFF", AuditAction.UPDATE, "Locality", 11, AuditOutcome.SUCCESS, "first change");
        auditLog.recordAs(
                actor, "OFFICE_STAFF", AuditAction.UPDATE, "Locality", 12, AuditOutcome.SUCCESS, "second change");
        auditLog.recordAs(actor, "OFFICE_STAFF", AuditAction.SIGN_OUT, "UserAccount", 5, AuditOutcome.SUCCESS, null);

        byte[] xlsx = mvc.perform(get("/audit/export")
                        .cookie(auditor)
                        .param("actor", actor)
                        .param("action", "UPDATE"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", AuditController.XLSX))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("操作人");
            List<String> details = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(actor);
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("巡察办工作人员");
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("修改");
                    details.add(row.getCell(8).getStringCellValue());
                }
            }
            assertThat(details).containsExactly("second change", "first change");
        }
        assertThat(jdbc.sql("select detail from audit.audit_event where actor = 'auditor' and action = 'EXPORT'"
                                + " order by id desc limit 1")
                        .query(String.class)
                        .single())
                .startsWith("2 row(s)")
                .contains("actor=" + actor, "action=UPDATE");
    }

    @Test
    void verifyButtonReportsTheIntactChainWithItsCountAndIsAudited() throws Exception {
        long rows = jdbc.sql("select count(*) from audit.audit_event")
                .query(Long.class)
                .single();
        String fragment = mvc.perform(
                        post("/audit/verify").cookie(auditor).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("哈希链完整")))
                .andExpect(content().string(not(containsString("<html"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).containsPattern("已校验 [0-9,]+ 条记录");
        assertThat(jdbc.sql(
                                "select detail from audit.audit_event where action = 'CHAIN_VERIFIED' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo(rows + " row(s), chain intact");

        mvc.perform(post("/audit/verify").cookie(auditor).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("哈希链完整")))
                .andExpect(content().string(containsString("<html")));
    }
}
