package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuncha.organization.TestWorkbooks.household;
import static org.xuncha.organization.TestWorkbooks.locality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.documents.XlsxError;

/**
 * Excel import of the registry against embedded PostgreSQL: a good file is written whole, an export imported again
 * changes nothing, and each kind of bad input is reported with file, sheet, row and column while nothing at all is
 * written. Runs in its own application context because it adds township units, which other tests count.
 */
@SpringBootTest(properties = "xuncha.test.context=registry")
@AutoConfigureMockMvc
@WithMockUser(username = "office", roles = "OFFICE_STAFF")
class RegistryImportTests {

    private static final String DISTRICT = "411403000000";

    @Autowired
    RegistryImport registryImport;

    @Autowired
    RegistryExport registryExport;

    @Autowired
    RegionTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    MessageSource messages;

    @TempDir
    Path dir;

    RegionScope district;

    @BeforeEach
    void scopeOfTheOffice() {
        district = RegionScope.of(List.of(regionId(DISTRICT)));
    }

    @Test
    void importsANewTownshipWithItsLocalitiesAndHouseholds() {
        String idNumber = "411403198802150022";
        Path file = TestWorkbooks.create()
                .townships(List.of(List.of("411403301000", "新建镇", "镇", DISTRICT)))
                .localities(List.of(
                        locality("411403301201", "新建村", "411403301000"),
                        List.of(
                                "411403301001",
                                "新建社区",
                                "411403301000",
                                "社区",
                                "党总支",
                                "",
                                120,
                                5200,
                                1600,
                                300,
                                400,
                                12,
                                "是",
                                "否",
                                "否")))
                .households(List.of(
                        household("4114033012010001", "411403301201", "张三"),
                        household("4114033012010002", "411403301201", "李四"),
                        List.of("4114033012010003", "411403301201", "王五", "第2村民组", "", "是", "否", "是", idNumber),
                        household("4114033010010001", "411403301001", "赵六"),
                        household("4114033010010002", "411403301001", "钱七")))
                .write(dir, "新建镇名册.xlsx");

        ImportJob job = registryImport.importNow(file, "新建镇名册.xlsx", district);

        assertThat(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(job.errors()).isEmpty();
        assertThat(job.summary())
                .containsExactly(
                        new ImportJob.SheetCounts("乡镇（街道）", 1, 0, 0),
                        new ImportJob.SheetCounts("村居", 2, 0, 0),
                        new ImportJob.SheetCounts("农户", 5, 0, 0));
        RegionTree.Node township = tree.node(regionId("411403301000"), district).orElseThrow();
        assertThat(township.name()).isEqualTo("新建镇");
        assertThat(township.kind()).isEqualTo(RegionKind.TOWN);
        assertThat(township.villages()).isEqualTo(1);
        assertThat(township.communities()).isEqualTo(1);
        assertThat(township.households()).isEqualTo(5);
        assertThat(township.specialHouseholds()).isEqualTo(5);
        assertThat(tree.node(regionId(DISTRICT), district).orElseThrow().townships())
                .isGreaterThanOrEqualTo(20);
        assertThat(jdbc.sql("select suggested_intensity from organization.locality where region_id = :id")
                        .param("id", regionId("411403301001"))
                        .query(String.class)
                        .single())
                .isEqualTo("FOCUSED");
        byte[] stored = jdbc.sql("select id_number_cipher from organization.household where code = '4114033012010003'")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
        assertThat(cipher.decrypt(stored)).isEqualTo(idNumber);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'IMPORT' and object_id = :id"
                                + " and outcome = 'SUCCESS' and detail like '%农户 added 5%'")
                        .param("id", job.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void updatesExistingRowsByTheirCode() {
        String locality = someLocalityCode();
        String township = parentCode(locality);
        Path file = TestWorkbooks.create()
                .households(List.of(household(locality + "8001", locality, "孙八")))
                .write(dir, "first.xlsx");
        assertThat(registryImport.importNow(file, "first.xlsx", district).succeeded())
                .isTrue();
        Path second = TestWorkbooks.create()
                .localities(List.of(locality(locality, "改名村", township)))
                .households(List.of(
                        household(locality + "8001", locality, "孙八"), household(locality + "8002", locality, "周九")))
                .write(dir, "second.xlsx");

        ImportJob job = registryImport.importNow(second, "second.xlsx", district);

        assertThat(job.summary())
                .containsExactly(new ImportJob.SheetCounts("村居", 0, 1, 0), new ImportJob.SheetCounts("农户", 1, 0, 1));
        assertThat(jdbc.sql("select name from organization.region where code = :code")
                        .param("code", locality)
                        .query(String.class)
                        .single())
                .isEqualTo("改名村");
    }

    @Test
    void reimportingAnExportChangesNothing() throws IOException {
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        registryExport.write(exported, district, true);
        Path file = Files.write(dir.resolve("export.xlsx"), exported.toByteArray());
        String before = snapshot();
        long households = count("select count(*) from organization.household");

        ImportJob job = registryImport.importNow(file, "export.xlsx", district);

        assertThat(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(job.summary()).hasSize(3).allSatisfy(s -> {
            assertThat(s.added()).isZero();
            assertThat(s.updated()).isZero();
        });
        assertThat(job.summary().get(2).unchanged()).isEqualTo(households);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesUnknownAndMissingColumns() {
        String locality = someLocalityCode();
        Path file = TestWorkbooks.create()
                .townships(List.of(List.of("411403302000", "不该写入镇", "镇", DISTRICT)))
                .sheet("农户", List.of("户编号", "户主", "村民组"), List.of(List.of(locality + "8101", "张三", "第1村民组")))
                .write(dir, "columns.xlsx");

        ImportJob job = refused(file);

        assertError(job, error("columns.xlsx", "农户", 1, "户主", "B", "xlsx.unknownColumn"));
        assertError(job, error("columns.xlsx", "农户", 1, "所属村居代码", null, "xlsx.missingColumn"));
        assertError(job, error("columns.xlsx", "农户", 1, "户主姓名", null, "xlsx.missingColumn"));
        assertThat(render(job)).contains("无法识别的列“户主”").contains("缺少必需的列“所属村居代码”");
    }

    @Test
    void refusesAnEmptyRequiredCell() {
        String locality = someLocalityCode();
        Path file = TestWorkbooks.create()
                .households(List.of(
                        household(locality + "8201", locality, "张三"), household(locality + "8202", locality, "")))
                .write(dir, "empty.xlsx");

        ImportJob job = refused(file);

        assertThat(job.errors()).containsExactly(error("empty.xlsx", "农户", 3, "户主姓名", "C", "xlsx.required", "户主姓名"));
        assertThat(render(job)).contains("empty.xlsx / 农户 / 3 / 户主姓名（C 列）：“户主姓名”不能为空。");
    }

    @Test
    void refusesAnUnknownTownship() {
        Path file = TestWorkbooks.create()
                .localities(List.of(locality("411403303201", "无主村", "411403399000")))
                .households(List.of(household("4114033032010001", "411403303201", "张三")))
                .write(dir, "unknown.xlsx");

        ImportJob job = refused(file);

        assertThat(job.errors())
                .containsExactly(
                        error("unknown.xlsx", "村居", 2, "所属乡镇代码", "C", "registry.unknownTownship", "411403399000"));
    }

    @Test
    void refusesDuplicateCodes() {
        String locality = someLocalityCode();
        Path file = TestWorkbooks.create()
                .localities(List.of(
                        locality("411403100299", "甲村", parentCode(locality)),
                        locality("411403100299", "乙村", parentCode(locality))))
                .households(List.of(
                        household(locality + "8301", locality, "张三"),
                        household(locality + "8302", locality, "李四"),
                        household(locality + "8301", locality, "王五")))
                .write(dir, "duplicates.xlsx");

        ImportJob job = refused(file);

        assertThat(job.errors())
                .containsExactly(
                        error(
                                "duplicates.xlsx",
                                "村居",
                                3,
                                "代码",
                                "A",
                                "registry.duplicateCode",
                                "411403100299",
                                "村居",
                                "2"),
                        error(
                                "duplicates.xlsx",
                                "农户",
                                4,
                                "户编号",
                                "A",
                                "registry.duplicateCode",
                                locality + "8301",
                                "农户",
                                "2"));
    }

    @Test
    void refusesTextInANumberColumn() {
        List<Object> row = new ArrayList<>(locality("411403100298", "文字村", "411403100000"));
        row.set(6, "三十");
        row.set(9, "12.345");
        Path file = TestWorkbooks.create().localities(List.of(row)).write(dir, "numbers.xlsx");

        ImportJob job = refused(file);

        assertThat(job.errors())
                .containsExactly(
                        error("numbers.xlsx", "村居", 2, "党员数", "G", "xlsx.notInteger", "三十"),
                        error("numbers.xlsx", "村居", 2, "集体资金（万元）", "J", "xlsx.tooManyDecimals", "12.345", "2"));
    }

    @Test
    void refusesAnInvalidIdNumberWithoutRepeatingIt() {
        String locality = someLocalityCode();
        List<Object> row = new ArrayList<>(household(locality + "8401", locality, "张三"));
        row.set(8, "411403198802150024");
        Path file = TestWorkbooks.create().households(List.of(row)).write(dir, "id.xlsx");

        ImportJob job = refused(file);

        assertThat(job.errors()).containsExactly(error("id.xlsx", "农户", 2, "身份证号", "I", "registry.badIdNumber"));
    }

    @Test
    void refusesAFileThatIsNotReallyXlsx() throws IOException {
        Path file = Files.writeString(dir.resolve("名册.xlsx"), "这是一个改了扩展名的文本文件\n");

        ImportJob job = refused(file);

        assertThat(job.errors()).containsExactly(XlsxError.ofFile("名册.xlsx", "xlsx.notXlsx"));
        assertThat(render(job)).contains("名册.xlsx").contains("不是 Excel 工作簿");
    }

    @Test
    void refusesAFileOver20Megabytes() throws IOException {
        byte[] content = new byte[21 * 1024 * 1024];
        new Random(1).nextBytes(content);
        content[0] = 0x50;
        content[1] = 0x4b;
        Path file = Files.write(dir.resolve("big.xlsx"), content);

        ImportJob job = refused(file);

        assertThat(job.errors()).containsExactly(XlsxError.ofFile("big.xlsx", "xlsx.tooLarge", 20));
        assertThat(render(job)).contains("big.xlsx").contains("文件超过 20 MB");
    }

    @Test
    void refusesAZipBomb() throws IOException {
        String locality = someLocalityCode();
        Path valid = TestWorkbooks.create()
                .households(List.of(household(locality + "8501", locality, "张三")))
                .write(dir, "valid.xlsx");
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipFile source = new ZipFile(valid.toFile());
                OutputStream out = Files.newOutputStream(bomb);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry : source.stream().toList()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    // 200 MB of blanks inside the sheet data: valid XML, about 200 KB deflated
                    zip.write(
                            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                    .getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        zip.write(blanks);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1024 * 1024);

        ImportJob job = refused(bomb);

        assertThat(job.errors()).containsExactly(XlsxError.ofFile("bomb.xlsx", "xlsx.zipBomb"));
        assertThat(render(job)).contains("压缩炸弹");
    }

    @Test
    void refusesAParentOutsideTheCallersScope() {
        RegionScope wuqiang = RegionScope.of(List.of(regionIdByName("坞墙镇")));
        String wuqiangLocality = someLocalityCodeOf("坞墙镇");
        String fengqiao = codeOf("冯桥镇");
        String fengqiaoLocality = someLocalityCodeOf("冯桥镇");
        Path file = TestWorkbooks.create()
                .localities(List.of(locality(fengqiao.substring(0, 9) + "299", "越界村", fengqiao)))
                .households(List.of(
                        household(wuqiangLocality + "8601", wuqiangLocality, "张三"),
                        household(fengqiaoLocality + "8601", fengqiaoLocality, "李四")))
                .write(dir, "scope.xlsx");
        String before = snapshot();

        ImportJob job = registryImport.importNow(file, "scope.xlsx", wuqiang);

        assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.errors())
                .containsExactly(
                        error("scope.xlsx", "村居", 2, "所属乡镇代码", "C", "registry.unknownTownship", fengqiao),
                        error("scope.xlsx", "农户", 3, "所属村居代码", "B", "registry.unknownLocality", fengqiaoLocality));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void reportsEveryProblemOfEverySheetAtOnce() {
        String locality = someLocalityCode();
        List<Object> badNumber = new ArrayList<>(locality("411403100297", "多错村", "411403100000"));
        badNumber.set(3, "庄");
        Path file = TestWorkbooks.create()
                .townships(List.of(List.of("41140330", "短码镇", "县", DISTRICT)))
                .localities(List.of(badNumber))
                .households(List.of(household(locality + "8701", "411403999999", "张三")))
                .write(dir, "many.xlsx");

        ImportJob job = refused(file);

        assertThat(job.errors())
                .extracting(XlsxError::sheet, XlsxError::row, XlsxError::columnLetter, XlsxError::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("乡镇（街道）", 2, "A", "registry.badRegionCode"),
                        org.assertj.core.groups.Tuple.tuple("乡镇（街道）", 2, "C", "xlsx.notAllowed"),
                        org.assertj.core.groups.Tuple.tuple("村居", 2, "D", "xlsx.notAllowed"),
                        org.assertj.core.groups.Tuple.tuple("农户", 2, "B", "registry.unknownLocality"));
    }

    /** Imports as the district's office and expects a refusal that wrote nothing at all. */
    private ImportJob refused(Path file) {
        String before = snapshot();
        ImportJob job = registryImport.importNow(file, file.getFileName().toString(), district);
        assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.summary()).isEmpty();
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
        assertThat(count("select count(*) from audit.audit_event where action = 'IMPORT' and outcome = 'FAILURE'"
                        + " and object_id = '" + job.id() + "'"))
                .isEqualTo(1);
        return job;
    }

    private static XlsxError error(
            String file, String sheet, int row, String column, String letter, String key, String... args) {
        return new XlsxError(file, sheet, row, column, letter, key, List.of(args));
    }

    private static void assertError(ImportJob job, XlsxError expected) {
        assertThat(job.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo(expected.file());
            assertThat(e.sheet()).isEqualTo(expected.sheet());
            assertThat(e.row()).isEqualTo(expected.row());
            assertThat(e.column()).isEqualTo(expected.column());
            assertThat(e.columnLetter()).isEqualTo(expected.columnLetter());
            assertThat(e.messageKey()).isEqualTo(expected.messageKey());
        });
    }

    /** The report as the page shows it in Chinese: file / sheet / row / column：message, one line each. */
    private String render(ImportJob job) {
        StringBuilder text = new StringBuilder();
        for (XlsxError e : job.errors()) {
            String column = e.column() == null
                    ? "—"
                    : e.columnLetter() == null
                            ? e.column()
                            : messages.getMessage(
                                    "xlsx.error.columnAt",
                                    new Object[] {e.column(), e.columnLetter()},
                                    Locale.SIMPLIFIED_CHINESE);
            text.append(e.file())
                    .append(" / ")
                    .append(e.sheet() == null ? "—" : e.sheet())
                    .append(" / ")
                    .append(e.row() == null ? "—" : e.row())
                    .append(" / ")
                    .append(column)
                    .append("：")
                    .append(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
                    .append('\n');
            // every message exists in English too
            messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH);
        }
        return text.toString();
    }

    /** A digest of every region, 村居 and household with its version: equal digests mean nothing was written. */
    private String snapshot() {
        return jdbc.sql("""
                select md5((select coalesce(string_agg(code || name || coalesce(kind, '') || version, ',' order by code), '')
                              from organization.region)
                        || (select coalesce(string_agg(region_id || party_org_type || population || collective_funds
                              || suggested_intensity || version, ',' order by region_id), '') from organization.locality)
                        || (select coalesce(string_agg(code || locality_id || head_name || coalesce(address, '')
                              || coalesce(id_number_tail, '') || version, ',' order by code), '') from organization.household))
                """).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long regionId(String code) {
        return jdbc.sql("select id from organization.region where code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    private long regionIdByName(String name) {
        return jdbc.sql("select id from organization.region where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private String codeOf(String name) {
        return jdbc.sql("select code from organization.region where name = :name")
                .param("name", name)
                .query(String.class)
                .single();
    }

    private String someLocalityCode() {
        return someLocalityCodeOf("坞墙镇");
    }

    private String someLocalityCodeOf(String township) {
        return jdbc.sql("""
                        select r.code from organization.region r join organization.region t on t.id = r.parent_id
                        where t.name = :name and r.kind = 'VILLAGE' order by r.code limit 1
                        """).param("name", township).query(String.class).single();
    }

    private String parentCode(String code) {
        return jdbc.sql("select p.code from organization.region r join organization.region p on p.id = r.parent_id"
                        + " where r.code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }
}
