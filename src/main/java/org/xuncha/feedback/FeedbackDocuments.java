package org.xuncha.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xuncha.documents.ChineseNumerals;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.documents.OfficialDocuments;
import org.xuncha.documents.XlsxExport;
import org.xuncha.planning.RoundSummary;

/**
 * The documents of feedback: a township's problem list (问题清单) and a 村居's as GB/T 9704-2012 .docx for the
 * feedback meeting, the ledger (反馈问题台账) as .xlsx, and the round report (巡察情况报告). They are built from the
 * lists and the report only, which hold no reporter identity.
 */
@Component
class FeedbackDocuments {

    static final String ISSUER = "区委巡察工作领导小组办公室";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> LEDGER_HEADERS =
            List.of("序号", "乡镇（街道）", "村居", "巡察组", "问题类别", "问题性质", "主要问题", "整改要求", "是否立行立改", "群众反映", "反馈日期", "整改报告时限");

    private final OfficialDocuments documents;

    FeedbackDocuments(OfficialDocuments documents) {
        this.documents = documents;
    }

    static String townshipFileName(RoundSummary round, FeedbackList list, String extension) {
        return round.termName() + round.label() + list.townshipName() + "巡察反馈问题清单." + extension;
    }

    static String localityFileName(RoundSummary round, String localityName) {
        return round.termName() + round.label() + localityName + "巡察反馈问题清单.docx";
    }

    /** The township's list: every 村居 of it (or those given) with its problems, the requirements and the deadline. */
    byte[] townshipList(RoundSummary round, FeedbackList list, LocalDate date) {
        OfficialDocument document = documents
                .create()
                .title(round.termName() + round.label() + "巡察" + list.townshipName() + "反馈问题清单")
                .addressee("中共" + list.townshipName() + "委员会：")
                .paragraph("根据区委统一部署，" + round.label() + "巡察村居工作于" + OfficialDocument.dateText(round.entryDate()) + "至"
                        + OfficialDocument.dateText(round.exitDate()) + "对你乡镇"
                        + list.byLocality().size()
                        + "个村居党组织开展了巡察。现将巡察发现的问题以清单方式反馈如下，共" + list.problems().size() + "个问题，其中立行立改"
                        + list.fixedOnTheSpot() + "个。")
                .firstLevel("一、问题清单");
        int n = 0;
        for (Map.Entry<String, List<FeedbackList.Problem>> locality :
                list.byLocality().entrySet()) {
            document.secondLevel(ChineseNumerals.secondLevel(++n) + locality.getKey() + "（"
                    + locality.getValue().size() + "个问题）");
            problemTable(document, locality.getValue());
        }
        if (list.problems().isEmpty()) {
            document.paragraph("本轮巡察未发现需要反馈整改的问题。");
        }
        return finish(document, list, date);
    }

    /** One 村居's list, for its party organization. */
    byte[] localityList(RoundSummary round, FeedbackList list, String localityName, LocalDate date) {
        List<FeedbackList.Problem> problems = list.byLocality().getOrDefault(localityName, List.of());
        OfficialDocument document = documents
                .create()
                .title(round.termName() + round.label() + "巡察" + localityName + "反馈问题清单")
                .addressee("中共" + localityName + "支部委员会：")
                .paragraph("根据区委统一部署，" + round.label() + "巡察村居工作对你村居党组织开展了巡察。现通过" + list.townshipName()
                        + "党委将巡察发现的问题以清单方式反馈如下，共" + problems.size() + "个问题，其中立行立改"
                        + problems.stream()
                                .filter(FeedbackList.Problem::fixedOnTheSpot)
                                .count() + "个。")
                .firstLevel("一、问题清单");
        problemTable(document, problems);
        return finish(document, list, date);
    }

    private OfficialDocument problemTable(OfficialDocument document, List<FeedbackList.Problem> problems) {
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (FeedbackList.Problem p : problems) {
            rows.add(List.of(
                    Integer.toString(++i),
                    p.category(),
                    p.facts() + (p.fixedOnTheSpot() ? "（已立行立改）" : ""),
                    p.requirement()));
        }
        return document.table(List.of("序号", "问题类别", "主要问题", "整改要求"), rows);
    }

    private byte[] finish(OfficialDocument document, FeedbackList list, LocalDate date) {
        document.firstLevel("二、整改要求");
        paragraphs(document, list.requirements());
        document.firstLevel("三、整改时限");
        document.paragraph(
                list.reportDue() == null
                        ? "自反馈之日起" + list.reportMonths() + "个月内报送整改情况报告。"
                        : "请于" + OfficialDocument.dateText(list.reportDue()) + "前将整改情况报告报送区委巡察办。");
        return document.signature(ISSUER, list.issuedOn() == null ? date : list.issuedOn())
                .toBytes();
    }

    /** The ledger of one or more lists: one row per problem. */
    byte[] ledger(List<FeedbackList> lists) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        int i = 0;
        for (FeedbackList list : lists) {
            for (FeedbackList.Problem p : list.problems()) {
                List<@Nullable Object> row = new ArrayList<>();
                row.add(++i);
                row.add(list.townshipName());
                row.add(p.localityName());
                row.add("第" + ChineseNumerals.of(p.groupNumber()) + "巡察组");
                row.add(p.category());
                row.add(severity(p.severity()));
                row.add(p.facts());
                row.add(p.requirement());
                row.add(p.fixedOnTheSpot());
                row.add(p.petitionId() != null);
                row.add(list.issuedOn() == null ? null : list.issuedOn().toString());
                row.add(
                        list.reportDue() == null
                                ? "反馈后" + list.reportMonths() + "个月内"
                                : list.reportDue().toString());
                rows.add(row);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XlsxExport.write(out, List.of(new XlsxExport.SheetData("反馈问题台账", LEDGER_HEADERS, rows.stream())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 巡察情况报告: the report's sections, with the findings by category and township as a table. */
    byte[] report(
            RoundSummary round,
            RoundReport report,
            List<List<String>> categoryTable,
            List<String> townships,
            LocalDate date) {
        OfficialDocument document = documents
                .create()
                .title(round.termName() + round.label() + "巡察村居工作情况报告")
                .addressee("区委：")
                .firstLevel("一、基本情况");
        paragraphs(document, report.overview());
        document.firstLevel("二、巡察工作开展情况");
        paragraphs(document, report.workDone());
        document.firstLevel("三、发现的主要问题");
        paragraphs(document, report.findingsText());
        if (!categoryTable.isEmpty()) {
            List<String> headers = new ArrayList<>();
            headers.add("问题类别");
            headers.addAll(townships);
            headers.add("合计");
            document.table(headers, categoryTable);
        }
        document.firstLevel("四、共性问题");
        paragraphs(document, report.commonProblems());
        document.firstLevel("五、意见建议");
        paragraphs(document, report.recommendations());
        return document.signature(ISSUER, date).toBytes();
    }

    private static void paragraphs(OfficialDocument document, String text) {
        Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .forEach(document::paragraph);
    }

    static String severity(String severity) {
        return switch (severity) {
            case "GRAVE" -> "严重";
            case "SERIOUS" -> "较重";
            default -> "一般";
        };
    }
}
