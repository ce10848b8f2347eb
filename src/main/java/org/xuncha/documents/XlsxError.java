package org.xuncha.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

/**
 * A problem found in an uploaded spreadsheet (表格错误), placed where the user sees it: the file, the sheet, the row
 * as Excel numbers it (1-based), the column by its header and letter; the message is a key with arguments so that it
 * reads in the user's language. Whatever does not apply (a file that is not a workbook has no sheet) is null.
 */
public record XlsxError(
        String file,
        @Nullable String sheet,
        @Nullable Integer row,
        @Nullable String column,
        @Nullable String columnLetter,
        String messageKey,
        List<String> args) {

    public XlsxError {
        args = List.copyOf(args);
    }

    /** A problem with the file as a whole: too large, not a workbook, damaged. */
    public static XlsxError ofFile(String file, String messageKey, Object... args) {
        return new XlsxError(file, null, null, null, null, messageKey, strings(args));
    }

    /** A problem with a whole row of a sheet. */
    public static XlsxError ofRow(String file, String sheet, int row, String messageKey, Object... args) {
        return new XlsxError(file, sheet, row, null, null, messageKey, strings(args));
    }

    /** A problem with one cell; {@code columnIndex} is 0-based (A = 0), or negative when the column is absent. */
    public static XlsxError ofCell(
            String file, String sheet, int row, String column, int columnIndex, String messageKey, Object... args) {
        return new XlsxError(
                file, sheet, row, column, columnIndex < 0 ? null : letter(columnIndex), messageKey, strings(args));
    }

    /** The column letter as Excel shows it: 0 → A, 26 → AA. */
    public static String letter(int columnIndex) {
        return CellReference.convertNumToColString(columnIndex);
    }

    /** The arguments as Thymeleaf's {@code #messages.msgWithParams} and {@code MessageSource} take them. */
    public Object[] arguments() {
        return args.toArray();
    }

    /** The column index (A = 0) for ordering, or -1 without a column letter. */
    int columnIndex() {
        return columnLetter == null ? -1 : CellReference.convertColStringToIndex(columnLetter);
    }

    private static List<String> strings(Object[] args) {
        return Arrays.stream(args).map(a -> Objects.toString(a, "")).toList();
    }
}
