package org.xuncha.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xuncha.documents.XlsxTable;

/** Registry workbooks written with POI for tests: any sheets, any headers, strings as text and numbers as numbers. */
final class TestWorkbooks {

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    static TestWorkbooks create() {
        return new TestWorkbooks();
    }

    /** A sheet with the given header row (as the template writes it) and data rows. */
    TestWorkbooks sheet(String name, List<?> headers, List<List<?>> rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(new ArrayList<>(headers));
        rows.forEach(r -> all.add(new ArrayList<>(r)));
        sheets.put(name, all);
        return this;
    }

    TestWorkbooks townships(List<List<?>> rows) {
        return sheet(RegistrySheets.TOWNSHIPS, headers(RegistrySheets.TOWNSHIP_COLUMNS), rows);
    }

    TestWorkbooks localities(List<List<?>> rows) {
        return sheet(RegistrySheets.LOCALITIES, headers(RegistrySheets.LOCALITY_COLUMNS), rows);
    }

    TestWorkbooks households(List<List<?>> rows) {
        return sheet(RegistrySheets.HOUSEHOLDS, headers(RegistrySheets.HOUSEHOLD_COLUMNS), rows);
    }

    static List<String> headers(List<XlsxTable.Column> columns) {
        return columns.stream().map(XlsxTable.Column::header).toList();
    }

    /** A 村居 row in template column order with plausible facts. */
    static List<Object> locality(String code, String name, String townshipCode) {
        return List.of(code, name, townshipCode, "村", "党支部", "李强", 30, 1800, 450, 20.5, 80, 1500, "否", "否", "否");
    }

    /** A household row in template column order. */
    static List<Object> household(String code, String localityCode, String head) {
        return List.of(code, localityCode, head, "第1村民组", "第1村民组8号", "否", "是", "否", "");
    }

    Path write(Path directory, String fileName) {
        Path file = directory.resolve(fileName);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            sheets.forEach((name, rows) -> {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> values = rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        Object value = values.get(c);
                        if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else if (value != null && !value.toString().isEmpty()) {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
