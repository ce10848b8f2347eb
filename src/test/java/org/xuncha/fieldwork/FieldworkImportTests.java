package org.xuncha.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.test.web.servlet.ResultActions;
import org.xuncha.DemoLogins;

/**
 * The visit import as a group member uses it: the template reads back, a sound file is imported whole, and each kind
 * of bad input is reported at its row and column with nothing written.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FieldworkImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    long pilot;
    LocalDate entry;
    List<String> ours;
    String theirs;
    String memberName;
    Cookie member;

    @BeforeEach
    void setUp() throws Exception {
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
        entry = jdbc.sql("select entry_date from planning.round where id = :r")
                .param("r", pilot)
                .query(LocalDate.class)
                .single();
        String mine = " exists (select 1 from planning.group_locality gl join planning.group_member gm on"
                + " gm.group_id = gl.group_id join inspectors.inspector i on i.id = gm.inspector_id"
                + " where gl.round_id = :r and gl.locality_id = h.locality_id and i.linked_username = 'groupmember')";
        ours = jdbc.sql("select h.code from organization.household h where" + mine + " order by h.code limit 3")
                .param("r", pilot)
                .query(String.class)
                .list();
        theirs = jdbc.sql("select h.code from organization.household h join planning.round_locality l on"
                        + " l.locality_id = h.locality_id and l.round_id = :r where not" + mine
                        + " order by h.code limit 1")
                .param("r", pilot)
                .query(String.class)
                .single();
        memberName = jdbc.sql("select name from inspectors.inspector where linked_username = 'groupmember'")
                .query(String.class)
                .single();
        member = DemoLogins.of(environment).signIn(mvc, "groupmember");
    }

    static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet(VisitImport.SHEET);
            List<String> headers =
                    VisitImport.COLUMNS.stream().map(c -> c.header()).toList();
            var header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    ResultActions upload(List<List<String>> rows) throws Exception {
        return mvc.perform(multipart("/fieldwork/rounds/" + pilot + "/visits/import")
                .file(new MockMultipartFile("file", "走访.xlsx", "application/octet-stream", workbook(rows)))
                .cookie(member)
                .with(csrf()));
    }

    long visits() {
        return jdbc.sql("select count(*) from fieldwork.household_visit")
                .query(Long.class)
                .single();
    }

    List<String> good(int i) {
        return List.of(ours.get(i), entry.plusDays(1).toString(), "满意", memberName, "反映道路问题");
    }

    void refused(List<List<String>> rows, String column, String message) throws Exception {
        long before = visits();
        upload(rows)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<td class=\"num\">3</td>")))
                .andExpect(content().string(containsString(column)))
                .andExpect(content().string(containsString(message)));
        assertThat(visits()).isEqualTo(before);
    }

    @Test
    void aSoundFileIsImportedWhole() throws Exception {
        long before = visits();
        upload(List.of(
                        good(0),
                        good(1),
                        List.of(
                                ours.get(2),
                                entry.plusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("yyyy/M/d")),
                                "基本满意",
                                "",
                                "")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 3 条走访记录")));
        assertThat(visits()).isEqualTo(before + 3);
    }

    @Test
    void anUnknownHouseholdCodeIsReportedAtItsRowAndColumn() throws Exception {
        refused(
                List.of(good(0), List.of("999999999999999", entry.toString(), "满意", "", "")),
                "户编码（A 列）",
                "户编码“999999999999999”不在农户名册中");
    }

    @Test
    void aHouseholdOfAnotherGroupsLocalityIsRefused() throws Exception {
        refused(List.of(good(0), List.of(theirs, entry.toString(), "满意", "", "")), "户编码（A 列）", "不在本组本轮巡察的村居中");
    }

    @Test
    void aBadDateIsReported() throws Exception {
        refused(List.of(good(0), List.of(ours.get(1), "上周三", "满意", "", "")), "走访日期（B 列）", "“上周三”不是日期");
    }

    @Test
    void aDateOutsideTheRoundsFieldworkIsReported() throws Exception {
        refused(
                List.of(good(0), List.of(ours.get(1), entry.minusDays(30).toString(), "满意", "", "")),
                "走访日期（B 列）",
                "不在本轮进驻期间");
    }

    @Test
    void aBadSatisfactionLabelIsReported() throws Exception {
        refused(List.of(good(0), List.of(ours.get(1), entry.toString(), "很满意", "", "")), "满意度（C 列）", "“很满意”不是允许的值");
    }

    @Test
    void anInspectorOutsideTheGroupIsReported() throws Exception {
        refused(List.of(good(0), List.of(ours.get(1), entry.toString(), "满意", "王不在", "")), "走访人员（D 列）", "“王不在”不是");
    }

    @Test
    void aFileOfTheMostRowsWithAnErrorInItsLastRowWritesNothingAndNamesTheRow() throws Exception {
        int rows = VisitImport.MAX_ROWS;
        String[] labels = {"满意", "基本满意", "不满意"};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            SXSSFSheet sheet = book.createSheet(VisitImport.SHEET);
            var header = sheet.createRow(0);
            for (int c = 0; c < VisitImport.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(VisitImport.COLUMNS.get(c).header());
            }
            for (int i = 0; i < rows; i++) {
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(i == rows - 1 ? "999999999999999" : ours.get(i % ours.size()));
                row.createCell(1).setCellValue(entry.plusDays(i % 2).toString());
                row.createCell(2).setCellValue(labels[i % 3]);
                row.createCell(3).setCellValue(i % 2 == 0 ? memberName : "");
            }
            book.write(file);
            book.dispose();
        }
        long before = visits();
        mvc.perform(multipart("/fieldwork/rounds/" + pilot + "/visits/import")
                        .file(new MockMultipartFile(
                                "file", "走访十万行.xlsx", "application/octet-stream", file.toByteArray()))
                        .cookie(member)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("“走访十万行.xlsx”中发现 1 处问题")))
                .andExpect(content().string(containsString("<td>" + VisitImport.SHEET + "</td>")))
                .andExpect(content().string(containsString("<td class=\"num\">" + (rows + 1) + "</td>")))
                .andExpect(content().string(containsString("户编码（A 列）")))
                .andExpect(content().string(containsString("户编码“999999999999999”不在农户名册中")));
        assertThat(visits()).isEqualTo(before);
    }

    @Test
    void textWithTabsNewlinesAndBackslashesIsStoredAsWrittenWithOneAuditEntry() throws Exception {
        String raised = "道路\t失修\\积水\n排水沟堵塞 \\N";
        long audits = imports();
        upload(List.of(List.of(ours.get(0), entry.toString(), "不满意", memberName + "、" + memberName, raised), good(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 2 条走访记录")));
        assertThat(jdbc.sql("select inspectors, satisfaction from fieldwork.household_visit where raised = :r")
                        .param("r", raised)
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                        .list())
                .containsExactly(memberName + "/DISSATISFIED");
        assertThat(imports()).isEqualTo(audits + 1);
    }

    long imports() {
        return jdbc.sql("select count(*) from audit.audit_event where action = 'IMPORT' and object_type ="
                        + " 'HouseholdVisit'")
                .query(Long.class)
                .single();
    }

    @Test
    void theTemplateHasTheColumnsAndAnotherGroupsMemberCannotImportIntoARoundTheyCannotSee() throws Exception {
        byte[] template = mvc.perform(get("/fieldwork/rounds/" + pilot + "/visits/template.xlsx")
                        .cookie(member))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(book.getSheet(VisitImport.SHEET)).isNotNull();
        }
        mvc.perform(get("/fieldwork/rounds/" + pilot + "/visits/import")
                        .cookie(DemoLogins.of(environment).signIn(mvc, "liaison")))
                .andExpect(status().isForbidden());
    }
}
