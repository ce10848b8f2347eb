package org.xuncha.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.documents.OfficialDocuments;

/**
 * 年度巡察村居工作总结: the scorecard in prose and tables as a GB/T 9704 document, every number taken from the
 * {@link Scorecard.Figures} it is given (the same the scorecard page shows for the same scope and period).
 */
@Component
class AnnualSummary {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final OfficialDocuments documents;
    private final MessageSource messages;

    AnnualSummary(OfficialDocuments documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    /**
     * The summary. {@code scopeName} names the region (e.g. 睢阳区), {@code periodName} the period (e.g. 2026年 or
     * 2026年1月1日至2026年6月30日), {@code opening} how the prose opens (e.g. 全年).
     */
    byte[] write(Scorecard.Figures f, Selection selection, String scopeName, String periodName, String opening) {
        String coverage = f.coveragePercent() == null ? "—" : String.valueOf(f.coveragePercent());
        String onTime = f.onTimeRate() == null ? "—" : f.onTimeRate() + "%";
        String satisfaction = f.satisfactionIndex() == null ? "—" : String.valueOf(f.satisfactionIndex());
        OfficialDocument doc = documents.create().title(text("summary.title", scopeName, periodName));
        doc.paragraph(text(
                "summary.scope",
                scopeName,
                OfficialDocument.dateText(selection.from()),
                OfficialDocument.dateText(selection.to())));
        doc.firstLevel(text("summary.overview"));
        doc.paragraph(text(
                "summary.prose",
                opening,
                f.get(Figure.ROUNDS),
                f.get(Figure.LOCALITIES_INSPECTED),
                coverage,
                f.get(Figure.FINDINGS),
                f.get(Figure.LEADS_TRANSFERRED),
                f.get(Figure.FIXED_ON_THE_SPOT)));
        doc.firstLevel(text("summary.masses"));
        doc.paragraph(text(
                "summary.massesProse",
                f.get(Figure.TALK_PERSON_TIMES),
                f.get(Figure.HOUSEHOLDS_VISITED),
                f.get(Figure.SPECIAL_VISITED),
                f.get(Figure.NOTICES_POSTED),
                f.get(Figure.PETITIONS_RECEIVED),
                f.get(Figure.PETITIONS_TRIAGED)));
        doc.firstLevel(text("summary.findings"));
        doc.paragraph(text(
                "summary.findingsProse",
                f.get(Figure.FINDINGS),
                f.get(Figure.LEADS_TRANSFERRED),
                f.get(Figure.LEADS_RECEIVED),
                f.get(Figure.LEADS_CONCLUDED)));
        List<List<String>> categories = new ArrayList<>();
        for (Map.Entry<String, Long> e : f.breakdown(Figure.FINDINGS).entrySet()) {
            categories.add(List.of(e.getKey(), String.valueOf(e.getValue())));
        }
        categories.add(List.of("合计", String.valueOf(f.get(Figure.FINDINGS))));
        doc.table(List.of(text("summary.category"), text("summary.count")), categories);
        doc.firstLevel(text("summary.rectification"));
        doc.paragraph(text(
                "summary.rectificationProse",
                f.get(Figure.TASKS),
                f.get(Figure.TASKS_CLOSED_OUT),
                f.get(Figure.TASKS_OPEN),
                f.get(Figure.TASKS_OVERDUE),
                onTime));
        doc.firstLevel(text("summary.revisits"));
        doc.paragraph(
                text("summary.revisitsProse", f.get(Figure.REVISITS), f.get(Figure.SURVEY_ANSWERS), satisfaction));
        doc.firstLevel(text("summary.table"));
        List<List<String>> rows = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            rows.add(List.of(text("figure." + figure), String.valueOf(f.get(figure))));
        }
        rows.add(List.of(text("derived.coverage"), coverage.equals("—") ? coverage : coverage + "%"));
        rows.add(List.of(text("derived.onTime"), onTime));
        rows.add(List.of(text("derived.satisfaction"), satisfaction));
        doc.table(List.of(text("summary.figure"), text("summary.value")), rows);
        doc.signature(text("summary.issuer", scopeName), selection.today());
        return doc.toBytes();
    }

    private String text(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Long n ? String.valueOf(n) : args[i];
        }
        return messages.getMessage(key, shown, CHINESE);
    }
}
