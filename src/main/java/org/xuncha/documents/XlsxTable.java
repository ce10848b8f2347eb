package org.xuncha.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One sheet read as a table (表格): the first row holds the headers (after a title row or two, if the sheet has
 * them), matched to the expected columns by name, so the columns may come in any order. A required column that is missing, a header nobody expects and a header given
 * twice are each reported on the header row; blank rows are skipped; every later row goes to the consumer as a
 * {@link Row} whose typed readers report bad cells with sheet, row and column. Nothing is thrown: every problem
 * lands in the {@link XlsxErrors}, so a single pass finds them all.
 */
public final class XlsxTable implements XlsxReader.Rows {

    /**
     * A column the table expects: its header as written in the template, whether every row needs a value, and the
     * explanation the template's notes sheet gives.
     */
    public record Column(String header, boolean required, String note) {

        public static Column required(String header, String note) {
            return new Column(header, true, note);
        }

        public static Column optional(String header, String note) {
            return new Column(header, false, note);
        }
    }

    private static final Map<String, Boolean> YES_NO = yesNo();

    private final String file;
    private final String sheet;
    private final List<Column> columns;
    private final XlsxErrors errors;
    private final Consumer<Row> consumer;
    private final int maxRows;
    private @Nullable Map<Column, Integer> positions;
    private int rows;
    private int titleRows;
    private boolean tooManyReported;

    private XlsxTable(
            String file, String sheet, List<Column> columns, XlsxErrors errors, int maxRows, Consumer<Row> consumer) {
        this.file = file;
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.errors = errors;
        this.maxRows = maxRows;
        this.consumer = consumer;
    }

    /**
     * A table over sheet {@code sheet} of the uploaded {@code file}, passing each data row to {@code consumer}; rows
     * beyond {@code maxRows} are refused with one error rather than read.
     */
    public static XlsxTable of(
            String file, String sheet, List<Column> columns, XlsxErrors errors, int maxRows, Consumer<Row> consumer) {
        return new XlsxTable(file, sheet, columns, errors, maxRows, consumer);
    }

    /** How many data rows were passed on. */
    public int rows() {
        return rows;
    }

    /** Reports a problem found after reading (an unknown reference, say) at a row and column of this table. */
    public void reject(int rowNumber, Column column, String messageKey, Object... args) {
        Integer position = positions == null ? null : positions.get(column);
        errors.add(XlsxError.ofCell(
                file, sheet, rowNumber, column.header(), position == null ? -1 : position, messageKey, args));
    }

    /** The sheet's name as the file spells it. */
    public String sheet() {
        return sheet;
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
        if (positions == null) {
            if (!blank(cells) && !title(cells)) {
                positions = header(rowNumber, cells);
            }
            return;
        }
        if (blank(cells)) {
            return;
        }
        if (rows >= maxRows) {
            if (!tooManyReported) {
                errors.add(XlsxError.ofRow(file, sheet, rowNumber, "xlsx.tooManyRows", maxRows));
                tooManyReported = true;
            }
            return;
        }
        rows++;
        String first = cells.isEmpty() ? "" : cells.get(0).strip();
        if (first.startsWith(XlsxTemplate.EXAMPLE_MARK)) {
            errors.add(XlsxError.ofRow(file, sheet, rowNumber, "xlsx.exampleRow"));
            return;
        }
        consumer.accept(new Row(rowNumber, cells, positions));
    }

    /**
     * A title above the headers, as many sheets have ("坞墙镇农户名册"): a row with a single text that names no
     * column. At most two are skipped.
     */
    private boolean title(List<String> cells) {
        List<String> texts =
                cells.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        boolean title = titleRows < 2
                && texts.size() == 1
                && columns.stream().noneMatch(c -> normalize(c.header()).equals(normalize(texts.get(0))));
        if (title) {
            titleRows++;
        }
        return title;
    }

    private Map<Column, Integer> header(int rowNumber, List<String> cells) {
        Map<String, Column> expected = new HashMap<>();
        columns.forEach(c -> expected.put(normalize(c.header()), c));
        Map<Column, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            Column column = expected.get(normalize(text));
            if (column == null) {
                errors.add(XlsxError.ofCell(file, sheet, rowNumber, text, i, "xlsx.unknownColumn", text));
            } else if (found.containsKey(column)) {
                errors.add(XlsxError.ofCell(
                        file,
                        sheet,
                        rowNumber,
                        text,
                        i,
                        "xlsx.duplicateColumn",
                        text,
                        XlsxError.letter(found.get(column))));
            } else {
                found.put(column, i);
            }
        }
        for (Column column : columns) {
            if (column.required() && !found.containsKey(column)) {
                errors.add(XlsxError.ofCell(
                        file, sheet, rowNumber, column.header(), -1, "xlsx.missingColumn", column.header()));
            }
        }
        return found;
    }

    private static Map<String, Boolean> yesNo() {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        labels.put("是", Boolean.TRUE);
        labels.put("否", Boolean.FALSE);
        return labels;
    }

    /** Full-width and half-width brackets and spaces compare equal: 集体资金(万元) matches 集体资金（万元）. */
    private static String normalize(String header) {
        return header.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c.isBlank());
    }

    /** A data row: its Excel row number and typed readers of its cells that report what they cannot read. */
    public final class Row {

        private final int number;
        private final List<String> cells;
        private final Map<Column, Integer> positions;
        private boolean rejected;

        private Row(int number, List<String> cells, Map<Column, Integer> positions) {
            this.number = number;
            this.cells = cells;
            this.positions = positions;
        }

        /** The row number as Excel shows it. */
        public int number() {
            return number;
        }

        public String sheet() {
            return sheet;
        }

        /** Whether any reader reported a problem in this row. */
        public boolean rejected() {
            return rejected;
        }

        /** The cell's text without surrounding spaces, or null when blank or when the column is absent. */
        public @Nullable String text(Column column) {
            Integer position = positions.get(column);
            if (position == null || position >= cells.size()) {
                return null;
            }
            String text = cells.get(position).strip();
            return text.isEmpty() ? null : text;
        }

        /** Text that a required column must have; reports an empty cell. Null when missing. */
        public @Nullable String required(Column column) {
            String text = text(column);
            if (text == null && positions.containsKey(column)) {
                reject(column, "xlsx.required", column.header());
            }
            return text;
        }

        /** Text of at most {@code maxLength} characters. */
        public @Nullable String text(Column column, int maxLength) {
            String text = column.required() ? required(column) : text(column);
            if (text != null && text.length() > maxLength) {
                reject(column, "xlsx.tooLong", maxLength);
                return null;
            }
            return text;
        }

        /** A whole number within bounds; "12" and "12.0" are read, "十二" and "12.5" are reported. */
        public @Nullable Integer integer(Column column, int min, int max) {
            String text = column.required() ? required(column) : text(column);
            if (text == null) {
                return null;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                reject(column, "xlsx.notInteger", text);
                return null;
            }
            if (value.stripTrailingZeros().scale() > 0) {
                reject(column, "xlsx.notInteger", text);
                return null;
            }
            if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                reject(column, "xlsx.outOfRange", text, min, max);
                return null;
            }
            return value.intValueExact();
        }

        /** A number with at most {@code scale} decimals within bounds. */
        public @Nullable BigDecimal decimal(Column column, int scale, BigDecimal min, BigDecimal max) {
            String text = column.required() ? required(column) : text(column);
            if (text == null) {
                return null;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                reject(column, "xlsx.notNumber", text);
                return null;
            }
            if (value.stripTrailingZeros().scale() > scale) {
                reject(column, "xlsx.tooManyDecimals", text, scale);
                return null;
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                reject(column, "xlsx.outOfRange", text, min.toPlainString(), max.toPlainString());
                return null;
            }
            return value;
        }

        /** 是 or 否; blank reads as 否 unless the column is required. */
        public boolean yesNo(Column column) {
            Boolean value = choice(column, YES_NO);
            return Boolean.TRUE.equals(value);
        }

        /**
         * One of the labels offered (街道/镇/乡, …); reports anything else with the list of what is allowed, in the
         * map's iteration order (pass a {@link LinkedHashMap}).
         */
        public <T> @Nullable T choice(Column column, Map<String, T> labels) {
            String text = column.required() ? required(column) : text(column);
            if (text == null) {
                return null;
            }
            T value = labels.get(text);
            if (value == null) {
                reject(column, "xlsx.notAllowed", text, String.join("、", labels.keySet()));
            }
            return value;
        }

        /** Reports a problem in one cell of this row. */
        public void reject(Column column, String messageKey, Object... args) {
            rejected = true;
            Integer position = positions.get(column);
            errors.add(XlsxError.ofCell(
                    file, sheet, number, column.header(), position == null ? -1 : position, messageKey, args));
        }
    }

    /** The columns in their declared order, for messages and templates. */
    public List<Column> columns() {
        return new ArrayList<>(columns);
    }
}
