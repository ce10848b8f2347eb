package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading sheets as the user typed them and as tables with named headers; no Spring, no database. */
class XlsxTableTests {

    static final XlsxTable.Column CODE = XlsxTable.Column.required("代码", "");
    static final XlsxTable.Column NAME = XlsxTable.Column.required("名称", "");
    static final XlsxTable.Column FUNDS = XlsxTable.Column.optional("集体资金（万元）", "");
    static final XlsxTable.Column COUNT = XlsxTable.Column.optional("党员数", "");

    @TempDir
    Path dir;

    @Test
    void readsCellsAsTheUserTypedThem() throws Exception {
        Path file = workbook(sheet -> {
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue(411403100201d);
            row.createCell(1).setCellValue(0.1 + 0.2);
            row.createCell(3).setCellValue("坞墙镇");
            row.createCell(4).setCellValue(true);
            CellStyle date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(
                    sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            row.createCell(5).setCellValue(LocalDate.of(2024, 3, 1));
            row.getCell(5).setCellStyle(date);
            sheet.createRow(4).createCell(2).setCellValue(12.0);
        });

        List<String> rows = new ArrayList<>();
        try (XlsxReader reader = XlsxReader.open(file, "t.xlsx")) {
            assertThat(reader.lastRowNumbers()).containsEntry("表", 5);
            reader.read(sheet -> (number, cells) -> rows.add(number + ":" + cells));
        }

        assertThat(rows).containsExactly("1:[411403100201, 0.3, , 坞墙镇, TRUE, 2024-03-01]", "5:[, , 12]");
    }

    @Test
    void matchesHeadersByNameInAnyOrderAfterATitle() throws Exception {
        Path file = rows(
                List.of("坞墙镇村居名册"),
                List.of("名称", "集体资金(万元)", "代码"),
                List.of("张庄村", "12.5", "411403100201"),
                List.of(),
                List.of("李庄村", "", "411403100202"));
        XlsxErrors errors = new XlsxErrors();
        List<String> read = new ArrayList<>();

        table(
                file,
                errors,
                row -> read.add(row.number() + " " + row.required(CODE) + " " + row.required(NAME) + " "
                        + row.decimal(FUNDS, 2, BigDecimal.ZERO, BigDecimal.TEN.pow(6))));

        assertThat(errors.isEmpty()).isTrue();
        assertThat(read).containsExactly("3 411403100201 张庄村 12.5", "5 411403100202 李庄村 null");
    }

    @Test
    void reportsColumnsAndCellsWithSheetRowAndLetter() throws Exception {
        Path file = rows(
                List.of("代码", "党员", "党员数"), List.of("", "x", "三十"), List.of(XlsxTemplate.EXAMPLE_MARK + "1", "", "3"));
        XlsxErrors errors = new XlsxErrors();

        table(file, errors, row -> {
            row.required(CODE);
            row.integer(COUNT, 0, 100);
        });

        assertThat(errors.sorted())
                .containsExactly(
                        new XlsxError("t.xlsx", "表", 1, "名称", null, "xlsx.missingColumn", List.of("名称")),
                        new XlsxError("t.xlsx", "表", 1, "党员", "B", "xlsx.unknownColumn", List.of("党员")),
                        new XlsxError("t.xlsx", "表", 2, "代码", "A", "xlsx.required", List.of("代码")),
                        new XlsxError("t.xlsx", "表", 2, "党员数", "C", "xlsx.notInteger", List.of("三十")),
                        new XlsxError("t.xlsx", "表", 3, null, null, "xlsx.exampleRow", List.of()));
    }

    private void table(Path file, XlsxErrors errors, java.util.function.Consumer<XlsxTable.Row> rows) throws Exception {
        try (XlsxReader reader = XlsxReader.open(file, "t.xlsx")) {
            reader.read(sheet -> XlsxTable.of("t.xlsx", sheet, List.of(CODE, NAME, FUNDS, COUNT), errors, 100, rows));
        }
    }

    private Path rows(List<?>... rows) throws Exception {
        return workbook(sheet -> {
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].size(); c++) {
                    row.createCell(c).setCellValue(rows[r].get(c).toString());
                }
            }
        });
    }

    private Path workbook(java.util.function.Consumer<Sheet> content) throws Exception {
        Path file = dir.resolve("t.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            content.accept(workbook.createSheet("表"));
            workbook.write(out);
        }
        return file;
    }
}
