package org.xuncha.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Severity;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;
import org.xuncha.planning.ActivityFigures;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;

/**
 * Drafts the round report (巡察情况报告) from the round's records: the round and its groups and 村居, what the groups
 * did, the approved findings by category and township with typical cases, 立行立改, leads transferred (a count),
 * common problems (a category found in several townships or 村居) and standard recommendations. The office edits the
 * draft before finalizing.
 */
final class ReportDrafting {

    /** A category counts as a common problem (共性问题) when found in this many 村居, or in two townships. */
    static final int COMMON_LOCALITIES = 3;

    private static final int TYPICAL_CASES = 3;

    private ReportDrafting() {}

    static RoundReport.Sections draft(
            RoundSummary round,
            List<RoundGroup> groups,
            List<RoundLocality> localities,
            List<FindingSummary> approved,
            ActivityFigures activity,
            @Nullable Integer leads) {
        return new RoundReport.Sections(
                overview(round, groups, localities),
                workDone(activity, groups, localities),
                findings(approved, leads),
                common(approved),
                recommendations());
    }

    private static String overview(RoundSummary round, List<RoundGroup> groups, List<RoundLocality> localities) {
        long villages =
                localities.stream().filter(l -> l.kind() == RegionKind.VILLAGE).count();
        long focused = localities.stream()
                .filter(l -> l.intensity() == Intensity.FOCUSED)
                .count();
        return "按照区委统一部署，" + round.termName() + round.label() + "巡察村居工作于" + OfficialDocument.dateText(round.entryDate())
                + "进驻、" + OfficialDocument.dateText(round.exitDate()) + "结束，采取“整体式分类化”模式，由" + groups.size()
                + "个巡察组对" + String.join("、", round.townshipNames()) + "共"
                + round.townshipNames().size() + "个乡镇（街道）的"
                + localities.size() + "个村居党组织开展巡察，其中村" + villages + "个、社区" + (localities.size() - villages)
                + "个；重点巡察" + focused + "个、快进快出" + (localities.size() - focused) + "个。";
    }

    private static String workDone(ActivityFigures a, List<RoundGroup> groups, List<RoundLocality> localities) {
        Map<Long, String> names = localities.stream()
                .collect(Collectors.toMap(RoundLocality::localityId, RoundLocality::name, (x, y) -> x));
        StringBuilder text = new StringBuilder("巡察期间，各巡察组张贴巡察公告" + figure(a.notices(), "份") + "，开展个别谈话"
                + figure(a.talkPersonTimes(), "人次") + "，入户走访" + figure(a.householdsVisited(), "户") + "，受理信访举报"
                + figure(a.petitions(), "件") + "。");
        for (RoundGroup group : groups) {
            text.append('\n')
                    .append(group.name())
                    .append(group.leader().map(l -> "（组长" + l.name() + "）").orElse(""))
                    .append("负责")
                    .append(group.localityIds().stream()
                            .map(id -> names.getOrDefault(id, "村居" + id))
                            .collect(Collectors.joining("、")))
                    .append("。");
        }
        return text.toString();
    }

    private static String figure(@Nullable Integer value, String unit) {
        return value == null ? "【未录入】" : value + unit;
    }

    private static String findings(List<FindingSummary> approved, @Nullable Integer leads) {
        long fixed = approved.stream().filter(FindingSummary::fixedOnTheSpot).count();
        StringBuilder text = new StringBuilder("巡察共发现问题" + approved.size() + "个，其中立行立改" + fixed + "个；移交问题线索"
                + (leads == null ? "【未录入】" : leads + "件") + "。");
        if (!approved.isEmpty()) {
            text.append("按问题类别：")
                    .append(count(approved, FindingSummary::category))
                    .append("。按乡镇（街道）：")
                    .append(count(approved, FindingSummary::townshipName))
                    .append("。");
            List<FindingSummary> typical = approved.stream()
                    .sorted(Comparator.comparing((FindingSummary f) ->
                                    f.severity() == Severity.GRAVE ? 0 : f.severity() == Severity.SERIOUS ? 1 : 2)
                            .thenComparing(FindingSummary::id))
                    .limit(TYPICAL_CASES)
                    .toList();
            text.append("\n典型问题：");
            int n = 0;
            for (FindingSummary f : typical) {
                text.append('\n')
                        .append(++n)
                        .append(". ")
                        .append(f.townshipName())
                        .append(f.localityName())
                        .append("（")
                        .append(f.category())
                        .append("）：")
                        .append(f.description());
            }
        }
        return text.toString();
    }

    private static String count(
            List<FindingSummary> findings, java.util.function.Function<FindingSummary, String> key) {
        Map<String, Long> counts =
                findings.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> e.getKey() + e.getValue() + "个")
                .collect(Collectors.joining("，"));
    }

    private static String common(List<FindingSummary> approved) {
        List<String> lines = new ArrayList<>();
        Map<String, List<FindingSummary>> byCategory = approved.stream()
                .collect(Collectors.groupingBy(FindingSummary::category, LinkedHashMap::new, Collectors.toList()));
        byCategory.forEach((category, list) -> {
            Set<Long> localities = list.stream().map(FindingSummary::localityId).collect(Collectors.toSet());
            Set<Long> townships = list.stream().map(FindingSummary::townshipId).collect(Collectors.toSet());
            if (localities.size() >= COMMON_LOCALITIES || townships.size() >= 2) {
                lines.add(category + "方面的问题在" + townships.size() + "个乡镇（街道）的" + localities.size() + "个村居均有发现，共"
                        + list.size() + "个，属于共性问题，需由区直有关部门和乡镇统筹整改。");
            }
        });
        return lines.isEmpty() ? "本轮巡察未发现跨乡镇或多个村居普遍存在的共性问题。" : String.join("\n", lines);
    }

    private static String recommendations() {
        return "一是压实整改主体责任。乡镇党委要把巡察整改作为重要政治任务，对照问题清单逐条整改、逐项销号。\n"
                + "二是强化共性问题治理。区直有关部门要针对共性问题开展专项治理，建章立制、堵塞漏洞。\n"
                + "三是加强成果运用。对移交的问题线索依规依纪依法处置，对巡察整改情况开展督导和回访，让群众看到变化、得到实惠。";
    }

    /** The findings by category (rows) and township (columns) with totals, for the report's table. */
    static List<List<String>> categoryTable(List<FindingSummary> approved, List<String> townships) {
        Set<String> categories =
                approved.stream().map(FindingSummary::category).collect(Collectors.toCollection(LinkedHashSet::new));
        List<List<String>> rows = new ArrayList<>();
        for (String category : categories) {
            List<String> row = new ArrayList<>();
            row.add(category);
            for (String township : townships) {
                row.add(Long.toString(approved.stream()
                        .filter(f -> f.category().equals(category)
                                && f.townshipName().equals(township))
                        .count()));
            }
            row.add(Long.toString(
                    approved.stream().filter(f -> f.category().equals(category)).count()));
            rows.add(row);
        }
        return rows;
    }
}
