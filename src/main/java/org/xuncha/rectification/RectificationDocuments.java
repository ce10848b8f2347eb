package org.xuncha.rectification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xuncha.documents.ChineseNumerals;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.documents.OfficialDocuments;
import org.xuncha.documents.XlsxExport;

/**
 * The documents of rectification: the township's report (整改情况报告) and the round's summary (整改工作汇总) as
 * GB/T 9704 .docx, and the ledger (整改台账) as .xlsx.
 */
@Component
class RectificationDocuments {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final OfficialDocuments documents;

    RectificationDocuments(OfficialDocuments documents) {
        this.documents = documents;
    }

    byte[] townshipReport(RectificationPlan plan, List<RectificationTask> tasks, LocalDate date) {
        long closed = tasks.stream().filter(t -> t.state().closed()).count();
        long returned = tasks.stream().filter(t -> t.returns() > 0).count();
        long longTerm = tasks.stream().filter(RectificationTask::longTerm).count();
        long mass = tasks.stream().filter(RectificationTask::massRaised).count();
        OfficialDocument doc = documents
                .create()
                .title("中共" + plan.townshipName() + "委员会关于巡察反馈问题整改情况的报告")
                .addressee("区委巡察工作领导小组：")
                .paragraph("根据区委巡察组" + plan.issuedOn().getYear() + "年"
                        + plan.issuedOn().getMonthValue() + "月"
                        + plan.issuedOn().getDayOfMonth() + "日反馈的问题清单，" + plan.townshipName()
                        + "党委切实履行整改主体责任，逐项制定整改措施、明确责任人和整改时限，现将整改情况报告如下。")
                .firstLevel("一、总体情况")
                .paragraph("巡察反馈问题共" + tasks.size() + "个，已整改销号" + closed + "个，正在整改" + (tasks.size() - closed)
                        + "个，其中长期整改" + longTerm + "个；群众反映问题" + mass + "个；被督导组退回重新整改" + returned + "个。"
                        + (plan.summary() == null ? "" : plan.summary()))
                .firstLevel("二、问题整改情况");
        Map<String, List<RectificationTask>> byLocality = tasks.stream()
                .collect(Collectors.groupingBy(
                        RectificationTask::localityName, LinkedHashMap::new, Collectors.toList()));
        int l = 0;
        for (Map.Entry<String, List<RectificationTask>> entry : byLocality.entrySet()) {
            l++;
            doc.secondLevel("（" + ChineseNumerals.of(l) + "）" + entry.getKey());
            int n = 0;
            for (RectificationTask t : entry.getValue()) {
                n++;
                doc.thirdLevel(
                        n + ".",
                        t.category() + "：" + t.facts() + "整改要求：" + t.requirement() + "整改措施："
                                + (t.measures() == null ? "尚未制定" : t.measures()) + "责任人：" + t.responsible()
                                + "；时限：" + t.deadline() + "；状态：" + stateText(t.state()) + "。");
            }
        }
        doc.firstLevel("三、下一步工作")
                .paragraph("对尚未完成的问题，继续挂账督办，逐项对账销号；对长期整改问题，按阶段目标推进，建立长效机制，坚决防止问题反弹回潮。")
                .table(
                        List.of("村居", "问题类别", "责任人", "整改时限", "状态"),
                        tasks.stream()
                                .map(t -> List.of(
                                        t.localityName(),
                                        t.category(),
                                        t.responsible(),
                                        t.deadline().toString(),
                                        stateText(t.state())))
                                .toList())
                .signature("中共" + plan.townshipName() + "委员会", date);
        return doc.toBytes();
    }

    byte[] roundSummary(
            String roundLabel, List<TownshipFigures> figures, List<RectificationTask> tasks, LocalDate date) {
        long closed = tasks.stream().filter(t -> t.state().closed()).count();
        long overdue = tasks.stream().filter(t -> t.overdue(date)).count();
        long returned = tasks.stream().filter(t -> t.returns() > 0).count();
        long mass = tasks.stream().filter(RectificationTask::massRaised).count();
        long massClosed =
                tasks.stream().filter(t -> t.massRaised() && t.state().closed()).count();
        OfficialDocument doc = documents
                .create()
                .title(roundLabel + "巡察整改工作情况汇总")
                .paragraph("截至" + OfficialDocument.dateText(date) + "，" + roundLabel + "巡察反馈问题共" + tasks.size()
                        + "个，已整改销号" + closed + "个，销号率" + percent(closed, tasks.size()) + "；逾期未销号" + overdue
                        + "个；督导核查退回" + returned + "个；群众反映问题" + mass + "个，已办结" + massClosed + "个。")
                .firstLevel("一、各乡镇整改情况");
        Map<String, List<TownshipFigures>> byTownship = figures.stream()
                .collect(Collectors.groupingBy(TownshipFigures::townshipName, LinkedHashMap::new, Collectors.toList()));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<TownshipFigures>> e : byTownship.entrySet()) {
            int total = e.getValue().stream().mapToInt(TownshipFigures::total).sum();
            int closedOut =
                    e.getValue().stream().mapToInt(TownshipFigures::closedOut).sum();
            int over = e.getValue().stream().mapToInt(TownshipFigures::overdue).sum();
            int ret = e.getValue().stream().mapToInt(TownshipFigures::returned).sum();
            rows.add(List.of(e.getKey(), "" + total, "" + closedOut, "" + over, "" + ret));
        }
        doc.table(List.of("乡镇", "问题数", "已销号", "逾期", "退回"), rows).firstLevel("二、共性问题");
        List<TownshipFigures> common =
                figures.stream().filter(f -> f.localities() >= 2).toList();
        if (common.isEmpty()) {
            doc.paragraph("本轮未发现同一乡镇多个村居存在的同类问题。");
        } else {
            for (TownshipFigures f : common) {
                doc.paragraph(f.townshipName() + "有" + f.localities() + "个村居存在“" + f.category() + "”方面问题，需举一反三、建章立制。");
            }
        }
        doc.firstLevel("三、下一步工作")
                .paragraph("督导组继续对未销号问题跟踪督办，对敷衍整改、虚假整改的严肃问责；对群众满意度低的村居开展“回头看”。")
                .signature("区委巡察办", date);
        return doc.toBytes();
    }

    byte[] ledger(List<TaskController.TaskRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XlsxExport.write(
                    out,
                    List.of(new XlsxExport.SheetData(
                            "整改台账",
                            List.of(
                                    "编号", "乡镇", "村居", "问题类别", "问题", "整改要求", "整改措施", "责任人", "整改时限", "剩余工作日", "预警", "状态",
                                    "退回次数", "群众反映", "长期整改", "销号日期"),
                            rows.stream().map(RectificationDocuments::ledgerRow))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<@Nullable Object> ledgerRow(TaskController.TaskRow row) {
        RectificationTask t = row.task();
        List<@Nullable Object> cells = new ArrayList<>();
        cells.add(t.id());
        cells.add(t.townshipName());
        cells.add(t.localityName());
        cells.add(t.category());
        cells.add(t.facts());
        cells.add(t.requirement());
        cells.add(t.measures());
        cells.add(t.responsible());
        cells.add(t.deadline().toString());
        cells.add(t.state().closed() ? null : row.remaining());
        cells.add(colourText(row.colour()));
        cells.add(stateText(t.state()));
        cells.add(t.returns());
        cells.add(t.massRaised() ? "是" : "否");
        cells.add(t.longTerm() ? "是" : "否");
        cells.add(t.closedOn() == null ? null : t.closedOn().toString());
        return cells;
    }

    static String stateText(TaskState state) {
        return switch (state) {
            case OPEN -> "已挂账";
            case IN_PROGRESS -> "整改中";
            case SUBMITTED -> "待验收";
            case RETURNED -> "被退回";
            case CLOSED_OUT -> "已销号";
        };
    }

    static String colourText(WarningColour colour) {
        return switch (colour) {
            case NONE -> "";
            case GREEN -> "绿";
            case YELLOW -> "黄";
            case RED -> "红";
        };
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
    }
}
