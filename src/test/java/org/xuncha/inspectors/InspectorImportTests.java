package org.xuncha.inspectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;

/** Excel import of the pool: the export re-imports unchanged, a new person is added, a bad file writes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class InspectorImportTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADERS = "编号,姓名,性别,工作单位,单位类别,职务,政治面貌,所在库,专长,工作所在乡镇,籍贯或居住乡镇,联系电话,身份证号,亲属关系,培训记录,关联账号";

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExportReImportsWithoutChangingAnything() throws Exception {
        Cookie office = signIn("office");
        byte[] export = mvc.perform(get("/inspectors/export").cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long people = count("select count(*) from inspectors.inspector");
        long versions = count("select coalesce(sum(version), 0) from inspectors.inspector");
        long imports = count(
                "select count(*) from audit.audit_event where action = 'IMPORT' and object_type = 'InspectorPool'");
        mvc.perform(multipart("/inspectors/import")
                        .file(new MockMultipartFile("file", "pool.xlsx", XLSX, export))
                        .cookie(office)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"added\">0<")))
                .andExpect(content().string(containsString("data-testid=\"updated\">0<")))
                .andExpect(content().string(containsString("data-testid=\"unchanged\">" + people + "<")));
        assertThat(count("select count(*) from inspectors.inspector")).isEqualTo(people);
        assertThat(count("select coalesce(sum(version), 0) from inspectors.inspector"))
                .isEqualTo(versions);
        assertThat(
                        count(
                                "select count(*) from audit.audit_event where action = 'IMPORT' and object_type = 'InspectorPool'"))
                .isEqualTo(imports + 1);
    }

    @Test
    void aRowWithoutANumberAddsAPerson() throws Exception {
        String township = firstTownship();
        byte[] file = workbook(List.of(List.of(
                "",
                "导入测试甲",
                "女",
                "区财政局",
                "财政",
                "科员",
                "中共党员",
                "组员库",
                "财务、审计",
                township,
                "",
                "13800001111",
                "11010519491231002X",
                "",
                "",
                "")));
        try {
            mvc.perform(multipart("/inspectors/import")
                            .file(new MockMultipartFile("file", "new.xlsx", XLSX, file))
                            .cookie(signIn("director"))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-testid=\"added\">1<")));
            assertThat(jdbc.sql(
                                    "select tier || '/' || unit_kind || '/' || id_number_tail from inspectors.inspector where name = '导入测试甲'")
                            .query(String.class)
                            .single())
                    .isEqualTo("MEMBER_TIER/FINANCE/002X");
        } finally {
            jdbc.sql("delete from inspectors.inspector where name = '导入测试甲'").update();
        }
    }

    @Test
    void aFileWithProblemsIsRefusedWithEveryProblemAndNothingIsWritten() throws Exception {
        String township = firstTownship();
        byte[] file = workbook(List.of(
                List.of("", "导入测试乙", "男", "区审计局", "审计", "", "群众", "组员库", "", township, "", "", "", "", "", ""),
                List.of("", "导入测试丙", "男", "区审计局", "审计", "", "群众", "组员库", "", "不存在镇", "", "", "", "", "", ""),
                List.of("", "", "男", "区审计局", "审计", "", "群众", "组员库", "", township, "", "", "", "", "", ""),
                List.of("", "导入测试丁", "男", "区审计局", "审计", "", "群众", "大组长库", "", township, "", "", "", "", "", "")));
        long people = count("select count(*) from inspectors.inspector");
        String html = mvc.perform(multipart("/inspectors/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", XLSX, file))
                        .cookie(signIn("office"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("发现 3 处问题");
        assertThat(html.replaceAll("\\s+", " "))
                .containsPattern("<td class=\"num\">3</td> <td>工作所在乡镇（J 列）</td> <td>“不存在镇”不是本区的乡镇")
                .containsPattern("<td class=\"num\">4</td> <td>姓名（B 列）</td> <td>“姓名”不能为空。")
                .containsPattern("<td class=\"num\">5</td> <td>所在库（H 列）</td> <td>“大组长库”不是允许的值");
        assertThat(count("select count(*) from inspectors.inspector")).isEqualTo(people);
        assertThat(count("select count(*) from inspectors.inspector where name like '导入测试%'"))
                .isZero();
    }

    @Test
    void onlyTheOfficeMayImport() throws Exception {
        Cookie leader = signIn("groupleader");
        mvc.perform(multipart("/inspectors/import")
                        .file(new MockMultipartFile("file", "x.xlsx", XLSX, workbook(List.of())))
                        .cookie(leader)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/inspectors/import/template.xlsx").cookie(leader)).andExpect(status().isForbidden());
        mvc.perform(get("/inspectors/import").cookie(leader)).andExpect(status().isForbidden());
        mvc.perform(get("/inspectors/import/template.xlsx").cookie(signIn("office")))
                .andExpect(status().isOk());
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("人员");
            Row header = sheet.createRow(0);
            String[] headers = HEADERS.split(",");
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    if (!rows.get(r).get(i).isEmpty()) {
                        row.createCell(i).setCellValue(rows.get(r).get(i));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String firstTownship() {
        return jdbc.sql("select name from organization.region where level = 'TOWNSHIP' and name = '坞墙镇'")
                .query(String.class)
                .single();
    }

    private Cookie signIn(String username) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, username);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
