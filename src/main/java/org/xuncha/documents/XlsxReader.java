package org.xuncha.documents;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded .xlsx as rows of cell text, sheet by sheet, streaming the sheet XML with a SAX parser (POI's
 * {@link XSSFReader}), so a workbook of any length holds one row in memory at a time. Before anything is read the
 * upload is checked: at most {@link #MAX_BYTES}, its content (not its name) a ZIP package holding
 * {@code xl/workbook.xml}, and POI's zip-bomb guard (minimum inflate ratio, maximum entry size) on every part read.
 * Each refusal is an {@link XlsxRejected} with a message key for the user.
 *
 * <p>Cell text is what the user typed: numbers in plain notation (a 12-digit code stays {@code 411403100201}, not
 * {@code 4.11403E+11}), numbers with a date format as {@code yyyy-MM-dd}, booleans as {@code TRUE}/{@code FALSE},
 * formulas as their cached result.
 */
public final class XlsxReader implements Closeable {

    /** The largest upload accepted: 20 MB, the same as {@code spring.servlet.multipart.max-file-size}. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** Receives the rows of one sheet in order; {@code cells} are indexed by column (A = 0), "" for an empty cell. */
    @FunctionalInterface
    public interface Rows {
        void row(int rowNumber, List<String> cells);
    }

    private static final byte[] ZIP_MAGIC = {0x50, 0x4b, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    private final String fileName;
    private final OPCPackage pkg;

    private XlsxReader(String fileName, OPCPackage pkg) {
        this.fileName = fileName;
        this.pkg = pkg;
    }

    /** Checks the upload and opens it; {@code fileName} is the name the user gave, for messages. */
    public static XlsxReader open(Path file, String fileName) throws XlsxRejected {
        check(file, fileName);
        try {
            return new XlsxReader(fileName, OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (Exception | LinkageError e) {
            throw rejection(fileName, e);
        }
    }

    /** The upload checks alone: size, then content sniffed from the bytes, then the workbook part present. */
    public static void check(Path file, String fileName) throws XlsxRejected {
        long size;
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.tooLarge", MAX_BYTES / (1024 * 1024)));
            }
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.notXlsx"));
            }
        } catch (IOException e) {
            throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.corrupt"), e);
        }
        if (Arrays.equals(head, OLE2_MAGIC)) {
            throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.legacyOrEncrypted"));
        }
        if (!Arrays.equals(head, ZIP_MAGIC)) {
            throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.notXlsx"));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.notXlsx"));
            }
        } catch (IOException e) {
            throw new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.corrupt"), e);
        }
    }

    /**
     * Each sheet's last row number as its {@code <dimension>} declares it (0 when absent), read from the start of the
     * sheet only: a cheap estimate of the work ahead, for progress.
     */
    public Map<String, Integer> lastRowNumbers() throws XlsxRejected {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try {
            XSSFReader.SheetIterator sheets = new XSSFReader(pkg).getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    DimensionHandler handler = new DimensionHandler();
                    try {
                        parse(in, handler);
                    } catch (StopParsing stop) {
                        // the dimension comes before the data; nothing more to read
                    }
                    rows.put(sheets.getSheetName(), handler.lastRow);
                }
            }
        } catch (Exception | LinkageError e) {
            throw rejection(fileName, e);
        }
        return rows;
    }

    /**
     * Streams every sheet for which {@code sheets} gives a handler, in workbook order; sheets it answers null for are
     * skipped unread. An exception thrown by a handler passes through unchanged.
     */
    public void read(Function<String, @Nullable Rows> sheets) throws XlsxRejected {
        try {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings();
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator iterator = reader.getSheetIterator();
            while (iterator.hasNext()) {
                try (InputStream in = iterator.next()) {
                    Rows rows = sheets.apply(iterator.getSheetName());
                    if (rows != null) {
                        parse(in, new SheetHandler(strings, styles, rows));
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HandlerFailure failure) {
                    throw failure.getCause();
                }
            }
            throw rejection(fileName, e);
        }
    }

    /**
     * The shared strings as plain text. POI's ReadOnlySharedStringsTable builds an XMLBeans rich-text object on every
     * lookup, which dominated reading time; this keeps only the strings.
     */
    private List<String> sharedStrings() throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return List.of();
        }
        SharedStringsHandler handler = new SharedStringsHandler();
        try (InputStream in = parts.get(0).getInputStream()) {
            parse(in, handler);
        }
        return handler.strings;
    }

    @Override
    public void close() {
        pkg.revert();
    }

    private static void parse(InputStream in, DefaultHandler handler) throws Exception {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(in));
    }

    /** Turns POI's exceptions into a message for the user: a zip bomb says so, anything else is a damaged file. */
    private static XlsxRejected rejection(String fileName, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XlsxRejected rejected) {
                return rejected;
            }
            String message = t.getMessage();
            if (message != null
                    && (message.contains("Zip bomb detected") || message.contains("potentially malicious"))) {
                return new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.zipBomb"), e);
            }
        }
        return new XlsxRejected(XlsxError.ofFile(fileName, "xlsx.corrupt"), e);
    }

    /** Ends parsing once the sheet's dimension is known. */
    private static final class StopParsing extends SAXException {
        StopParsing() {
            super("stop");
        }
    }

    /** Carries an exception thrown by a caller's handler out of the SAX parser unchanged. */
    private static final class HandlerFailure extends SAXException {
        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** {@code <sst><si><t/>|<r><t/></r>…<rPh>…</rPh></si>}: each item's text runs joined, phonetic runs left out. */
    private static final class SharedStringsHandler extends DefaultHandler {
        final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean collecting;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> text.setLength(0);
                case "rPh" -> inPhonetic = true;
                case "t" -> collecting = !inPhonetic;
                default -> {
                    // runs and their properties
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> strings.add(text.toString());
                case "rPh" -> inPhonetic = false;
                case "t" -> collecting = false;
                default -> {
                    // nothing to finish
                }
            }
        }
    }

    private static final class DimensionHandler extends DefaultHandler {
        int lastRow;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("dimension".equals(localName)) {
                String ref = attributes.getValue("ref");
                if (ref != null) {
                    String last = ref.substring(ref.indexOf(':') + 1);
                    lastRow = new CellReference(last).getRow() + 1;
                }
                throw new StopParsing();
            }
            if ("sheetData".equals(localName)) {
                throw new StopParsing();
            }
        }
    }

    /** The sheet XML ({@code <row r><c r t s><v>|<is><t>}) to rows of cell text. */
    private static final class SheetHandler extends DefaultHandler {

        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        private final List<String> strings;
        private final StylesTable styles;
        private final Rows rows;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        private int rowNumber;
        private List<String> cells = new ArrayList<>();
        private int column;
        private @Nullable String type;
        private int style;
        private boolean collecting;
        private boolean inPhonetic;

        SheetHandler(List<String> strings, StylesTable styles, Rows rows) {
            this.strings = strings;
            this.styles = styles;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : columnOf(r);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    text.setLength(0);
                }
                case "v" -> collecting = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> collecting = !inPhonetic;
                default -> {
                    // formulas, styles and the rest carry nothing to read
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    String value = value(text.toString());
                    if (cells.size() == column) {
                        cells.add(value);
                    } else {
                        cells.set(column, value);
                    }
                }
                case "row" -> {
                    try {
                        rows.row(rowNumber, cells);
                    } catch (RuntimeException e) {
                        throw new HandlerFailure(e);
                    }
                }
                default -> {
                    // nothing to finish
                }
            }
        }

        /** The 0-based column of a cell reference such as {@code AB12}, without CellReference's regular expression. */
        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                } else if (c != '$') {
                    break;
                }
            }
            return column - 1;
        }

        private String value(String raw) {
            if (raw.isEmpty()) {
                return "";
            }
            if (type == null || "n".equals(type)) {
                return number(raw);
            }
            return switch (type) {
                case "s" -> strings.get(Integer.parseInt(raw.trim()));
                case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
                default -> raw; // inlineStr, str (formula text), e (error), d (ISO date)
            };
        }

        private String number(String raw) {
            BigDecimal value;
            try {
                value = new BigDecimal(raw.trim());
            } catch (NumberFormatException e) {
                return raw;
            }
            if (isDateStyle(style)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value.doubleValue());
                return time.toLocalTime().toSecondOfDay() == 0 ? time.format(DATE) : time.format(DATE_TIME);
            }
            // Excel keeps 15 significant digits; binary noise beyond them (0.30000000000000004) is not the user's
            BigDecimal rounded = value.precision() > 15 ? value.round(new MathContext(15)) : value;
            String plain = rounded.stripTrailingZeros().toPlainString();
            return "-0".equals(plain) ? "0" : plain;
        }

        private boolean isDateStyle(int index) {
            if (index == 0 || styles.getNumCellStyles() <= index) {
                return false;
            }
            return dateStyles.computeIfAbsent(index, i -> {
                XSSFCellStyle cellStyle = styles.getStyleAt(i);
                return cellStyle != null
                        && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            });
        }
    }
}
