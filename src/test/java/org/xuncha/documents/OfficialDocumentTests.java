package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/** A generated document, read back with POI, has the page, fonts and layout of GB/T 9704-2012. */
class OfficialDocumentTests {

    private XWPFDocument document;

    @BeforeEach
    void generate() throws IOException {
        byte[] bytes = OfficialDocument.create(Typefaces.STANDARD)
                .title("五届区委第一轮巡察村居工作方案")
                .addressee("各乡（镇、办事处）党委：")
                .paragraph("为深入贯彻全面从严治党要求，推动全面从严治党向基层延伸，制定本方案。")
                .firstLevel("一、指导思想和巡察对象")
                .secondLevel("（一）指导思想")
                .thirdLevel("1.坞墙镇。", "共26个村居。")
                .placeholder("巡察组组建后填写")
                .table(List.of("乡镇（街道）", "村居"), List.of(List.of("坞墙镇", "张庄村"), List.of("冯桥镇", "李楼村")))
                .signature("中共睢阳区委巡察工作领导小组办公室", LocalDate.of(2026, 3, 2))
                .toBytes();
        document = new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    @Test
    void usesA4WithTheTypeAreaOfTheStandard() {
        CTSectPr section = document.getDocument().getBody().getSectPr();
        CTPageSz size = section.getPgSz();
        assertThat(twips(size.getW())).isEqualTo(11906);
        assertThat(twips(size.getH())).isEqualTo(16838);
        CTPageMar margins = section.getPgMar();
        assertThat(twips(margins.getTop())).isEqualTo(2098); // 37 mm
        assertThat(twips(margins.getLeft())).isEqualTo(1587); // 28 mm, binding edge
        assertThat(twips(margins.getRight())).isEqualTo(1474); // 26 mm
        assertThat(twips(margins.getBottom())).isEqualTo(1984); // 35 mm
        // type area 156 × 225 mm, to within one twip of rounding
        assertThat(11906 - 1587 - 1474).isCloseTo(mm(156), org.assertj.core.data.Offset.offset(1));
        assertThat(16838 - 2098 - 1984).isCloseTo(mm(225), org.assertj.core.data.Offset.offset(1));
    }

    @Test
    void lays22LinesOf28CharactersOnACharacterGrid() {
        CTDocGrid grid = document.getDocument().getBody().getSectPr().getDocGrid();
        assertThat(grid.getType()).isEqualTo(STDocGrid.LINES_AND_CHARS);
        assertThat(twips(grid.getLinePitch())).isEqualTo(579);
        assertThat(22 * 579).isLessThanOrEqualTo(16838 - 2098 - 1984);
        double characterPitch = 16 + twips(grid.getCharSpace()) / 4096.0;
        assertThat(28 * characterPitch * 20).isBetween(8845.0 - 28, 8845.0);
        XWPFParagraph body = paragraphStarting("为深入贯彻");
        assertThat(body.getSpacingLineRule()).isEqualTo(LineSpacingRule.EXACT);
        assertThat(body.getSpacingBetween()).isEqualTo(28.95);
    }

    @Test
    void setsTheTitleIn2haoXiaobiaosongCentred() {
        XWPFParagraph title = document.getParagraphs().get(0);
        assertThat(title.getText()).isEqualTo("五届区委第一轮巡察村居工作方案");
        assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        XWPFRun run = title.getRuns().get(0);
        assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
        assertThat(run.getFontSizeAsDouble()).isEqualTo(22.0);
    }

    @Test
    void fallsBackToBoldSongForTheTitleAndFangsongForTheBody() throws Exception {
        String fontTable = fontTable();
        assertThat(fontTable).contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>");
        assertThat(fontTable).contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>");

        XWPFDocument common = new XWPFDocument(new ByteArrayInputStream(OfficialDocument.create(Typefaces.COMMON)
                .title("标题")
                .paragraph("正文")
                .toBytes()));
        XWPFRun title = common.getParagraphs().get(0).getRuns().get(0);
        assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
        assertThat(title.isBold()).isTrue();
        assertThat(common.getParagraphs().get(2).getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                .isEqualTo("仿宋");
    }

    @Test
    void setsTheBodyIn3haoFangsongIndentedTwoCharacters() {
        XWPFParagraph body = paragraphStarting("为深入贯彻");
        XWPFRun run = body.getRuns().get(0);
        assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
        assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);
        assertThat(run.isBold()).isFalse();
        assertThat(body.getIndentationFirstLine()).isEqualTo(640);
        assertThat(body.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
        XWPFParagraph addressee = paragraphStarting("各乡");
        assertThat(addressee.getIndentationFirstLine()).isLessThanOrEqualTo(0);
    }

    @Test
    void setsTheThreeHeadingLevelsInHeitiKaitiAndBoldFangsong() {
        XWPFRun first = paragraphStarting("一、").getRuns().get(0);
        assertThat(first.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
        assertThat(first.getFontSizeAsDouble()).isEqualTo(16.0);
        XWPFRun second = paragraphStarting("（一）").getRuns().get(0);
        assertThat(second.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("楷体_GB2312");
        assertThat(second.getFontSizeAsDouble()).isEqualTo(16.0);
        XWPFParagraph third = paragraphStarting("1.坞墙镇");
        assertThat(third.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                .isEqualTo("仿宋_GB2312");
        assertThat(third.getRuns().get(0).isBold()).isTrue();
        assertThat(third.getRuns().get(1).isBold()).isFalse();
        assertThat(paragraphStarting("一、").getIndentationFirstLine()).isEqualTo(640);
    }

    @Test
    void putsTheDateInArabicNumeralsFourCharactersInFromTheRight() {
        List<XWPFParagraph> paragraphs = document.getParagraphs();
        XWPFParagraph date = paragraphs.get(paragraphs.size() - 1);
        assertThat(date.getText()).isEqualTo("2026年3月2日");
        assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
        assertThat(date.getIndentationRight()).isEqualTo(4 * 320);
        XWPFParagraph body = paragraphs.get(paragraphs.size() - 2);
        assertThat(body.getText()).isEqualTo("中共睢阳区委巡察工作领导小组办公室");
        assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
    }

    @Test
    void centresAShortIssuingBodyOverTheDate() throws IOException {
        XWPFDocument short_ = new XWPFDocument(new ByteArrayInputStream(OfficialDocument.create(Typefaces.STANDARD)
                .signature("区委巡察办", LocalDate.of(2026, 12, 25))
                .toBytes()));
        List<XWPFParagraph> paragraphs = short_.getParagraphs();
        // the date "2026年12月25日" is 7 characters wide, the body 5: one more character in than the date
        assertThat(paragraphs.get(paragraphs.size() - 2).getIndentationRight()).isEqualTo(5 * 320);
    }

    @Test
    void numbersPagesWithOneEmDashesIn4haoSongtiThroughAPageField() {
        assertThat(document.getSettings().getEvenAndOddHeadings()).isTrue();
        assertThat(document.getFooterList()).hasSize(2);
        for (XWPFFooter footer : document.getFooterList()) {
            XWPFParagraph paragraph = footer.getParagraphs().get(0);
            assertThat(paragraph.getText()).isEqualTo("— 1 —");
            assertThat(paragraph.getRuns()).allSatisfy(run -> {
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("宋体");
                assertThat(run.getFontSizeAsDouble()).isEqualTo(14.0);
            });
            assertThat(paragraph.getRuns().stream()
                            .flatMap(r -> r.getCTR().getInstrTextList().stream())
                            .map(t -> t.getStringValue().strip()))
                    .containsExactly("PAGE");
            assertThat(paragraph.getRuns().stream()
                            .flatMap(r -> r.getCTR().getFldCharList().stream())
                            .map(f -> f.getFldCharType()))
                    .containsExactly(STFldCharType.BEGIN, STFldCharType.SEPARATE, STFldCharType.END);
        }
        assertThat(document.getFooterList().stream()
                        .map(f -> f.getParagraphs().get(0).getAlignment()))
                .containsExactlyInAnyOrder(ParagraphAlignment.RIGHT, ParagraphAlignment.LEFT);
    }

    @Test
    void drawsTablesWithBorders() {
        XWPFTable table = document.getTables().get(0);
        assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("乡镇（街道）");
        assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("李楼村");
        assertThat(table.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
        assertThat(table.getInsideHBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
        assertThat(table.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
        assertThat(table.getRow(0)
                        .getCell(0)
                        .getParagraphs()
                        .get(0)
                        .getRuns()
                        .get(0)
                        .isBold())
                .isTrue();
    }

    @Test
    void marksPlaceholdersSoTheyAreNotPrintedUnnoticed() {
        XWPFParagraph placeholder = paragraphStarting("【");
        assertThat(placeholder.getText()).isEqualTo("【巡察组组建后填写】");
        assertThat(placeholder.getRuns().get(0).getCTR().getRPr().getHighlightList())
                .isNotEmpty();
    }

    @Test
    void writesChineseNumerals() {
        assertThat(ChineseNumerals.of(1)).isEqualTo("一");
        assertThat(ChineseNumerals.of(10)).isEqualTo("十");
        assertThat(ChineseNumerals.of(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.of(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.of(35)).isEqualTo("三十五");
        assertThat(ChineseNumerals.firstLevel(6)).isEqualTo("六、");
        assertThat(ChineseNumerals.secondLevel(3)).isEqualTo("（三）");
    }

    private XWPFParagraph paragraphStarting(String prefix) {
        return document.getParagraphs().stream()
                .filter(p -> p.getText().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    private String fontTable() throws Exception {
        PackagePart part = document.getPackage()
                .getPartsByContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml")
                .get(0);
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long twips(Object value) {
        return ((BigInteger) value).longValue();
    }

    private static int mm(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }
}
