package org.xuncha.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes .xlsx exports with Apache POI's streaming workbook, so an export of any size holds only a window of rows
 * in memory. The first row holds the Chinese headers in bold, frozen.
 */
public final class XlsxExport {

    /** One sheet: its name, headers and rows (each row's cells in header order; null for an empty cell). */
    public record SheetData(String name, List<String> headers, Stream<List<@Nullable Object>> rows) {}

    private XlsxExport() {}

    public static void write(OutputStream out, List<SheetData> sheets) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (SheetData data : sheets) {
                Sheet sheet = workbook.createSheet(data.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < data.headers().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(data.headers().get(c));
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(c, Math.max(10, data.headers().get(c).length() * 2 + 4) * 256);
                }
                sheet.createFreezePane(0, 1);
                int[] rowIndex = {1};
                try (Stream<List<@Nullable Object>> rows = data.rows()) {
                    rows.forEach(values -> {
                        Row row = sheet.createRow(rowIndex[0]++);
                        for (int c = 0; c < values.size(); c++) {
                            set(row.createCell(c), values.get(c), date);
                        }
                    });
                }
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void set(Cell cell, @Nullable Object value, CellStyle dateStyle) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag ? "是" : "否");
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof OffsetDateTime time) {
            cell.setCellValue(time.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
            cell.setCellStyle(dateStyle);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
