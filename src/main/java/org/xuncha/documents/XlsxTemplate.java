package org.xuncha.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes an import template (导入模板): one sheet per table with its Chinese headers and an example row, and a notes
 * sheet explaining every column. The example row starts with {@link #EXAMPLE_MARK}; {@link XlsxTable} reports such a
 * row if the user forgets to delete it, so an example is never imported by mistake.
 */
public final class XlsxTemplate {

    /** Marks the first cell of a template's example row. */
    public static final String EXAMPLE_MARK = "【示例】";

    /** The notes sheet's name; importers ignore it. */
    public static final String NOTES_SHEET = "填写说明";

    /** One table of the template: its sheet name, its columns and an example row (in column order). */
    public record Sheet(String name, List<XlsxTable.Column> columns, List<@Nullable Object> example) {}

    private XlsxTemplate() {}

    /** Writes the template; {@code generalNotes} head the notes sheet (one line each). */
    public static void write(OutputStream out, List<Sheet> sheets, List<String> generalNotes) throws IOException {
        List<XlsxExport.SheetData> data = new ArrayList<>();
        for (Sheet sheet : sheets) {
            List<@Nullable Object> example = new ArrayList<>(sheet.example());
            if (!example.isEmpty()) {
                example.set(0, EXAMPLE_MARK + example.get(0));
            }
            data.add(new XlsxExport.SheetData(
                    sheet.name(),
                    sheet.columns().stream().map(XlsxTable.Column::header).toList(),
                    Stream.of(example)));
        }
        List<List<@Nullable Object>> notes = new ArrayList<>();
        for (String note : generalNotes) {
            notes.add(List.of("", "", "", note));
        }
        notes.add(List.of("", "", "", "第 2 行是示例行（以“" + EXAMPLE_MARK + "”开头），导入前请删除或改写。"));
        for (Sheet sheet : sheets) {
            for (XlsxTable.Column column : sheet.columns()) {
                notes.add(List.of(sheet.name(), column.header(), column.required(), column.note()));
            }
        }
        data.add(new XlsxExport.SheetData(NOTES_SHEET, List.of("工作表", "列名", "必填", "说明"), notes.stream()));
        XlsxExport.write(out, data);
    }
}
