package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xuncha.organization.TestWorkbooks.household;

import jakarta.servlet.http.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xuncha.DemoLogins;
import org.xuncha.documents.XlsxReader;
import org.xuncha.documents.XlsxTemplate;

/**
 * The import and export pages as people use them: upload, follow the job until its summary or its error table, in
 * the user's language; jobs private to their owner; the template and the export in the template's layout, leaders
 * without households. Shares its application context with {@link RegistryImportTests}.
 */
@SpringBootTest(properties = "xuncha.test.context=registry")
@AutoConfigureMockMvc
class RegistryControllerTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Cookie office;

    @BeforeEach
    void signIn() throws Exception {
        office = DemoLogins.of(environment).signIn(mvc, "office");
    }

    @Test
    void officeUploadsAWorkbookAndFollowsTheJobToItsSummary() throws Exception {
        String locality = localityOf("坞墙镇");
        Path file = TestWorkbooks.create()
                .households(List.of(
                        household(locality + "9001", locality, "张一"), household(locality + "9002", locality, "张二")))
                .write(dir, "坞墙镇新户.xlsx");

        String job = upload(file, office);
        String page = awaitFinished(job, office);

        assertThat(page)
                .contains("data-testid=\"import-summary\"")
                .contains("“坞墙镇新户.xlsx”导入完成")
                .contains("data-sheet=\"农户\"")
                .contains("data-testid=\"added\">2<");
        assertThat(jdbc.sql("select count(*) from organization.household where code like :code")
                        .param("code", locality + "900%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        String full = mvc.perform(get(job).cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(full).contains("<h1>名册导入导出</h1>").contains("data-testid=\"import-summary\"");
    }

    @Test
    void theErrorReportNamesFileSheetRowAndColumnInTheUsersLanguage() throws Exception {
        String locality = localityOf("坞墙镇");
        Path file = TestWorkbooks.create()
                .households(List.of(
                        household(locality + "9101", locality, "张一"), household(locality + "9102", locality, "")))
                .write(dir, "bad.xlsx");

        String job = upload(file, office);
        String chinese = awaitFinished(job, office);
        String english = mvc.perform(
                        get(job).cookie(office, new Cookie("XUNCHA_LANG", "en")).header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(chinese)
                .contains("data-testid=\"import-errors\"")
                .contains("“bad.xlsx”中发现 1 处问题，未导入任何数据")
                .contains("<td>bad.xlsx</td>")
                .contains("<td>农户</td>")
                .contains(">3</td>")
                .contains("户主姓名（C 列）")
                .contains("“户主姓名”不能为空。");
        assertThat(english)
                .contains("1 problem(s) found in &quot;bad.xlsx&quot;")
                .contains("户主姓名 (column C)")
                .contains("&quot;户主姓名&quot; must not be empty.");
        assertThat(jdbc.sql("select count(*) from organization.household where code like :code")
                        .param("code", locality + "91%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aJobIsVisibleOnlyToItsOwner() throws Exception {
        String locality = localityOf("坞墙镇");
        Path file = TestWorkbooks.create()
                .households(List.of(household(locality + "9201", locality, "张一")))
                .write(dir, "mine.xlsx");
        String job = upload(file, office);
        awaitFinished(job, office);

        Cookie director = DemoLogins.of(environment).signIn(mvc, "director");

        mvc.perform(get(job).cookie(director)).andExpect(status().isNotFound());
        mvc.perform(get(job).cookie(director).header("HX-Request", "true")).andExpect(status().isNotFound());
    }

    @Test
    void anUploadWithoutAFileIsRefused() throws Exception {
        String body = mvc.perform(multipart("/registry/import")
                        .with(csrf())
                        .cookie(office)
                        .header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).contains("请选择要导入的 .xlsx 文件。");
    }

    @Test
    void leadersMayNeitherOpenTheImportNorUpload() throws Exception {
        Cookie leader = DemoLogins.of(environment).signIn(mvc, "leader");

        mvc.perform(get("/registry/import").cookie(leader)).andExpect(status().isForbidden());
        mvc.perform(get("/registry/template.xlsx").cookie(leader)).andExpect(status().isForbidden());
        mvc.perform(multipart("/registry/import")
                        .file(new MockMultipartFile("file", "x.xlsx", XLSX, new byte[10]))
                        .with(csrf())
                        .cookie(leader))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExportHasTheTemplateLayoutAndLeadersGetNoHouseholds() throws Exception {
        Map<String, List<List<String>>> staff = sheets(download("/registry/export.xlsx", office));
        Map<String, List<List<String>>> leader = sheets(
                download("/registry/export.xlsx", DemoLogins.of(environment).signIn(mvc, "leader")));

        assertThat(staff.keySet()).containsExactly("乡镇（街道）", "村居", "农户");
        assertThat(staff.get("乡镇（街道）").get(0)).isEqualTo(TestWorkbooks.headers(RegistrySheets.TOWNSHIP_COLUMNS));
        assertThat(staff.get("村居").get(0)).isEqualTo(TestWorkbooks.headers(RegistrySheets.LOCALITY_COLUMNS));
        assertThat(staff.get("农户").get(0)).isEqualTo(TestWorkbooks.headers(RegistrySheets.HOUSEHOLD_COLUMNS));
        assertThat(staff.get("村居")).hasSizeGreaterThan(349);
        assertThat(staff.get("农户").size() - 1L)
                .isEqualTo(jdbc.sql("select count(*) from organization.household")
                        .query(Long.class)
                        .single());
        assertThat(staff.get("农户").stream()
                        .skip(1)
                        .map(r -> r.size() > 8 ? r.get(8) : "")
                        .filter(s -> !s.isEmpty()))
                .isNotEmpty()
                .allMatch(s -> s.matches("\\*{14}[0-9]{3}[0-9X]"));
        assertThat(leader.keySet()).containsExactly("乡镇（街道）", "村居");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'EXPORT' and actor = 'leader'"
                                + " and detail like '%no households%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theTemplateExampleRowsAreNeverImported() throws Exception {
        Path template = download("/registry/template.xlsx", office);
        Map<String, List<List<String>>> sheets = sheets(template);
        assertThat(sheets.keySet()).containsExactly("乡镇（街道）", "村居", "农户", XlsxTemplate.NOTES_SHEET);
        assertThat(sheets.get("农户").get(1).get(0)).startsWith(XlsxTemplate.EXAMPLE_MARK);

        String page = awaitFinished(upload(template, office), office);

        assertThat(page)
                .contains("data-testid=\"import-errors\"")
                .contains("3 处问题")
                .contains("这是模板中的示例行，请删除后再导入。");
    }

    /** Uploads as htmx does and returns the job's address from HX-Push-Url. */
    private String upload(Path file, Cookie session) throws Exception {
        MvcResult result = mvc.perform(multipart("/registry/import")
                        .file(new MockMultipartFile(
                                "file", file.getFileName().toString(), XLSX, Files.readAllBytes(file)))
                        .with(csrf())
                        .cookie(session)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("data-testid=\"import-job\"");
        String job = result.getResponse().getHeader("HX-Push-Url");
        assertThat(job).startsWith("/registry/import/jobs/");
        return job;
    }

    /** Polls the job fragment as the page does until it no longer shows progress. */
    private String awaitFinished(String job, Cookie session) {
        String[] fragment = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    fragment[0] = mvc.perform(get(job).cookie(session).header("HX-Request", "true"))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString();
                    return !fragment[0].contains("data-testid=\"import-progress\"");
                });
        return fragment[0];
    }

    private Path download(String url, Cookie session) throws Exception {
        MvcResult result =
                mvc.perform(get(url).cookie(session)).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).isEqualTo(XLSX);
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        return Files.write(
                Files.createTempFile(dir, "download-", ".xlsx"),
                result.getResponse().getContentAsByteArray());
    }

    private static Map<String, List<List<String>>> sheets(Path file) throws Exception {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (XlsxReader reader = XlsxReader.open(file, file.getFileName().toString())) {
            reader.read(sheet -> {
                List<List<String>> rows = new ArrayList<>();
                sheets.put(sheet, rows);
                return (number, cells) -> rows.add(List.copyOf(cells));
            });
        }
        return sheets;
    }

    private String localityOf(String township) {
        return jdbc.sql("""
                        select r.code from organization.region r join organization.region t on t.id = r.parent_id
                        where t.name = :name and r.kind = 'VILLAGE' order by r.code offset 1 limit 1
                        """).param("name", township).query(String.class).single();
    }
}
