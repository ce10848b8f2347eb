package org.xuncha.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem found while checking an uploaded workbook, so that the user gets the whole list at once.
 * Counts all of them but keeps at most {@link #KEPT} in memory, so that a file with a wrong column in every one of
 * its 100,000 rows cannot exhaust the heap.
 */
public final class XlsxErrors {

    public static final int KEPT = 10_000;

    private final List<XlsxError> errors = new ArrayList<>();
    private final Map<String, Integer> sheetOrder = new LinkedHashMap<>();
    private int count;

    public void add(XlsxError error) {
        count++;
        if (error.sheet() != null) {
            sheetOrder.putIfAbsent(error.sheet(), sheetOrder.size());
        }
        if (errors.size() < KEPT) {
            errors.add(error);
        }
    }

    /** Makes the sheets' order in the report follow the workbook rather than the order problems were found in. */
    public void sheetOrder(List<String> sheets) {
        sheets.forEach(sheet -> sheetOrder.putIfAbsent(sheet, sheetOrder.size()));
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** How many problems were found, including any not kept. */
    public int count() {
        return count;
    }

    /** The kept problems in reading order: file problems first, then by sheet, row and column. */
    public List<XlsxError> sorted() {
        Comparator<XlsxError> order = Comparator.<XlsxError>comparingInt(e -> sheetIndex(e.sheet()))
                .thenComparingInt(e -> e.row() == null ? 0 : e.row())
                .thenComparingInt(XlsxError::columnIndex);
        return errors.stream().sorted(order).toList();
    }

    private int sheetIndex(@Nullable String sheet) {
        return sheet == null ? -1 : sheetOrder.getOrDefault(sheet, Integer.MAX_VALUE);
    }
}
