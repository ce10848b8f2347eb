package org.xuncha.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A .docx in the format of GB/T 9704-2012 (党政机关公文格式), the one place where every generated document gets its
 * page, fonts and layout: A4 with a type area of 156 × 225 mm (top 37 mm, binding edge 28 mm), 22 lines of 28
 * characters on a character grid, the title in 2号 小标宋 centred, the body in 3号 仿宋 indented two characters, headings
 * 一、 in 黑体, （一） in 楷体 and 1. in bold 仿宋, the issuing body and date right-aligned four characters in, and
 * page numbers "— 1 —" in 4号 宋体 at the outer edge. Build it top to bottom, then {@link #toBytes()}.
 */
public final class OfficialDocument {

    /** Twips (1/20 pt) per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    public static final int PAGE_WIDTH = 11906;
    public static final int PAGE_HEIGHT = 16838;
    public static final int MARGIN_TOP = twips(37);
    public static final int MARGIN_LEFT = twips(28);
    /** 26 mm and 35 mm: what the A4 page leaves around a type area of 156 × 225 mm. */
    public static final int MARGIN_RIGHT = twips(210 - 28 - 156);

    public static final int MARGIN_BOTTOM = twips(297 - 37 - 225);
    public static final int TYPE_AREA_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    public static final int LINES_PER_PAGE = 22;
    public static final int CHARACTERS_PER_LINE = 28;
    /** Fixed line spacing of 28.95 pt, so 22 lines fill the 225 mm of the type area. */
    public static final int LINE_PITCH = 579;

    /** Sizes in points: 2号, 3号, 4号. */
    public static final double TITLE_SIZE = 22;

    public static final double BODY_SIZE = 16;
    public static final double PAGE_NUMBER_SIZE = 14;
    public static final double TABLE_SIZE = 14;

    /** One character of the body, in twips: indents are counted in these. */
    public static final int CHARACTER = (int) (BODY_SIZE * 20);

    private static final String LATIN = "Times New Roman";
    private static final String ONE_EM_DASH = "\u2014";

    private final XWPFDocument document = new XWPFDocument();
    private final Typefaces typefaces;

    private OfficialDocument(Typefaces typefaces) {
        this.typefaces = typefaces;
        page();
        defaults();
        fontTable();
        pageNumbers();
    }

    public static OfficialDocument create(Typefaces typefaces) {
        return new OfficialDocument(typefaces);
    }

    /** 标题: 2号 小标宋, centred, followed by one empty line. */
    public OfficialDocument title(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER);
        run(paragraph, text, typefaces.title(), TITLE_SIZE, typefaces.title().bold());
        empty();
        return this;
    }

    /** 主送机关: flush left on its own line, e.g. "各乡（镇、办事处）党委：". */
    public OfficialDocument addressee(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
        run(paragraph, text, typefaces.body(), BODY_SIZE, false);
        return this;
    }

    /** 正文: 3号 仿宋, first line indented two characters. */
    public OfficialDocument paragraph(String text) {
        run(indented(), text, typefaces.body(), BODY_SIZE, false);
        return this;
    }

    /** First-level heading "一、…" in 黑体. */
    public OfficialDocument firstLevel(String text) {
        run(
                indented(),
                text,
                typefaces.firstLevel(),
                BODY_SIZE,
                typefaces.firstLevel().bold());
        return this;
    }

    /** Second-level heading "（一）…" in 楷体. */
    public OfficialDocument secondLevel(String text) {
        run(
                indented(),
                text,
                typefaces.secondLevel(),
                BODY_SIZE,
                typefaces.secondLevel().bold());
        return this;
    }

    /** Second-level heading "（一）…" in 楷体 run into body text in the same paragraph. */
    public OfficialDocument secondLevel(String heading, String text) {
        XWPFParagraph paragraph = indented();
        run(
                paragraph,
                heading,
                typefaces.secondLevel(),
                BODY_SIZE,
                typefaces.secondLevel().bold());
        run(paragraph, text, typefaces.body(), BODY_SIZE, false);
        return this;
    }

    /** Third-level heading "1.…" in bold 仿宋, optionally followed by body text in the same paragraph. */
    public OfficialDocument thirdLevel(String heading, String text) {
        XWPFParagraph paragraph = indented();
        run(paragraph, heading, typefaces.body(), BODY_SIZE, true);
        if (!text.isEmpty()) {
            run(paragraph, text, typefaces.body(), BODY_SIZE, false);
        }
        return this;
    }

    /**
     * A part to be completed later, set off in 【】 and highlighted so nobody prints it unnoticed (e.g. the groups
     * of a round before they are formed).
     */
    public OfficialDocument placeholder(String text) {
        XWPFRun run = run(indented(), "【" + text + "】", typefaces.body(), BODY_SIZE, false);
        run.getCTR().getRPr().addNewHighlight().setVal(STHighlightColor.YELLOW);
        return this;
    }

    /** An empty line of the grid. */
    public OfficialDocument empty() {
        paragraph(ParagraphAlignment.BOTH);
        return this;
    }

    /** A bordered table across the type area, the header row in bold; cells in 4号 仿宋. */
    public OfficialDocument table(List<String> headers, List<List<String>> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, headers.size());
        CTTblPr properties = table.getCTTbl().getTblPr();
        CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TYPE_AREA_WIDTH));
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
                .setType(STTblLayoutType.FIXED);
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        int columnWidth = TYPE_AREA_WIDTH / headers.size();
        for (int r = 0; r <= rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            List<String> values = r == 0 ? headers : rows.get(r - 1);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            for (int c = 0; c < headers.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidth(String.valueOf(columnWidth));
                XWPFParagraph paragraph = cell.getParagraphs().get(0);
                paragraph.setAlignment(r == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
                paragraph.getCTP().getPPr().addNewSnapToGrid().setVal(false);
                run(paragraph, c < values.size() ? values.get(c) : "", typefaces.body(), TABLE_SIZE, r == 0);
            }
        }
        return this;
    }

    /**
     * A PNG picture (a QR code, say) centred in its own paragraph, {@code widthMm} wide and as tall as its aspect
     * ratio makes it; the paragraph leaves the grid so the picture keeps its size.
     */
    public OfficialDocument picture(byte[] png, String name, int widthPixels, int heightPixels, int widthMm) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        paragraph.getCTP().getPPr().addNewSnapToGrid().setVal(false);
        long width = org.apache.poi.util.Units.EMU_PER_CENTIMETER * widthMm / 10;
        long height = width * heightPixels / widthPixels;
        try {
            paragraph
                    .createRun()
                    .addPicture(
                            new java.io.ByteArrayInputStream(png),
                            org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                            name,
                            (int) width,
                            (int) height);
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalArgumentException("not a PNG picture", e);
        }
        return this;
    }

    /**
     * 发文机关署名 and 成文日期: two empty lines for the seal, the issuing body centred over the date, the date in
     * Arabic numerals right-aligned four characters in (GB/T 9704-2012 7.3.5.1).
     */
    public OfficialDocument signature(String issuingBody, LocalDate date) {
        empty();
        empty();
        String dateText = dateText(date);
        double centring = (width(dateText) - width(issuingBody)) / 2;
        XWPFParagraph body = paragraph(ParagraphAlignment.RIGHT);
        body.setIndentationRight((int) Math.max(0, Math.round((4 + centring) * CHARACTER)));
        run(body, issuingBody, typefaces.body(), BODY_SIZE, false);
        XWPFParagraph dated = paragraph(ParagraphAlignment.RIGHT);
        dated.setIndentationRight(4 * CHARACTER);
        run(dated, dateText, typefaces.body(), BODY_SIZE, false);
        return this;
    }

    public void writeTo(OutputStream out) throws IOException {
        document.write(out);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 成文日期 in Arabic numerals without leading zeros: 2026年3月2日. */
    public static String dateText(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Width of a text in body characters: a half-width letter or digit counts one half. */
    static double width(String text) {
        return text.codePoints().mapToDouble(c -> c < 0x2E80 ? 0.5 : 1).sum();
    }

    private static int twips(double millimetres) {
        return (int) Math.round(millimetres * TWIPS_PER_MM);
    }

    private void page() {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        // the one-em dashes of the page number sit 7 mm below the type area
        margins.setFooter(BigInteger.valueOf(twips(35 - 7 - 5.5)));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = section.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
        // extra space per character in 1/4096 pt, so that 28 characters of 16 pt fill the 156 mm line
        double pitch = TYPE_AREA_WIDTH / 20.0 / CHARACTERS_PER_LINE;
        grid.setCharSpace(BigInteger.valueOf((long) Math.floor((pitch - BODY_SIZE) * 4096)));
    }

    private void defaults() {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr run = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        fonts(run.addNewRFonts(), typefaces.body().name(), LATIN);
        run.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_SIZE * 2)));
        run.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_SIZE * 2)));
        run.addNewLang().setEastAsia("zh-CN");
        document.createStyles().setStyles(styles);
    }

    /** The font table names each face with its fallback as alternative name and the GB2312 character set. */
    private void fontTable() {
        Map<String, String> faces = new LinkedHashMap<>();
        for (Typefaces.Face face : List.of(
                typefaces.title(),
                typefaces.body(),
                typefaces.firstLevel(),
                typefaces.secondLevel(),
                Typefaces.PAGE_NUMBER)) {
            faces.putIfAbsent(face.name(), face.fallback() == null ? "" : face.fallback());
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        faces.forEach((name, fallback) -> {
            xml.append("<w:font w:name=\"").append(name).append("\">");
            if (!fallback.isEmpty()) {
                xml.append("<w:altName w:val=\"").append(fallback).append("\"/>");
            }
            xml.append("<w:charset w:val=\"86\"/><w:family w:val=\"")
                    .append(name.contains("黑") ? "modern" : "roman")
                    .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
        });
        xml.append("<w:font w:name=\"")
                .append(LATIN)
                .append("\"><w:charset w:val=\"00\"/>")
                .append("<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = document.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            document.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("cannot write the font table", e);
        }
    }

    /** "— 1 —" in 4号 宋体: odd pages at the right, even pages at the left, each one character in from the edge. */
    private void pageNumbers() {
        document.setEvenAndOddHeadings(true);
        pageNumber(document.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(document.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = footer.getParagraphs().isEmpty()
                ? footer.createParagraph()
                : footer.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        int oneCharacter = (int) (PAGE_NUMBER_SIZE * 20);
        if (alignment == ParagraphAlignment.RIGHT) {
            paragraph.setIndentationRight(oneCharacter);
        } else {
            paragraph.setIndentationLeft(oneCharacter);
        }
        pageNumberRun(paragraph, ONE_EM_DASH + " ");
        pageNumberRun(paragraph, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        pageNumberRun(paragraph, null).getCTR().addNewInstrText().setStringValue(" PAGE ");
        pageNumberRun(paragraph, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        pageNumberRun(paragraph, "1");
        pageNumberRun(paragraph, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        pageNumberRun(paragraph, " " + ONE_EM_DASH);
    }

    private XWPFRun pageNumberRun(XWPFParagraph paragraph, @Nullable String text) {
        XWPFRun run = paragraph.createRun();
        CTRPr properties =
                run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        String face = Typefaces.PAGE_NUMBER.name();
        fonts(properties.addNewRFonts(), face, face);
        run.setFontSize(PAGE_NUMBER_SIZE);
        if (text != null) {
            run.setText(text);
        }
        return run;
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBetween(LINE_PITCH / 20.0, LineSpacingRule.EXACT);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    private XWPFParagraph indented() {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(2 * CHARACTER);
        paragraph.getCTP().getPPr().getInd().setFirstLineChars(BigInteger.valueOf(200));
        return paragraph;
    }

    private XWPFRun run(XWPFParagraph paragraph, String text, Typefaces.Face face, double size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        CTRPr properties =
                run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        fonts(properties.addNewRFonts(), face.name(), LATIN);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
        return run;
    }

    /** East Asian text in the named face (rFonts eastAsia), letters and digits in the Latin face. */
    private static void fonts(CTFonts fonts, String eastAsia, String latin) {
        fonts.setEastAsia(eastAsia);
        fonts.setAscii(latin);
        fonts.setHAnsi(latin);
        fonts.setCs(latin);
        fonts.setHint(STHint.EAST_ASIA);
    }
}
