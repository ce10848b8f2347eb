package org.xuncha.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xuncha.findings.FindingState;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Severity;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;
import org.xuncha.planning.ActivityFigures;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundState;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.TermId;

/** The report's draft from the records, without Spring: figures added across providers, counts, common problems. */
class ReportDraftingTests {

    static final RoundId ROUND = new RoundId(7);

    static FindingSummary finding(long id, long locality, String localityName, long township, String category) {
        return new FindingSummary(
                id,
                ROUND,
                1,
                locality,
                localityName,
                township,
                township == 1 ? "坞墙镇" : "冯桥镇",
                category,
                "描述" + id,
                "整改" + id,
                FindingState.APPROVED,
                id == 1,
                null,
                id == 2 ? Severity.GRAVE : Severity.GENERAL);
    }

    @Test
    void draftsFromTheRecordsAddingTheFiguresOfEveryProvider() {
        RoundSummary round = new RoundSummary(
                ROUND,
                new TermId(1),
                "五届区委",
                RoundKind.PILOT,
                1,
                RoundState.FIELDWORK_FINISHED,
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 20),
                List.of("坞墙镇", "冯桥镇"),
                3);
        List<RoundLocality> localities = List.of(
                new RoundLocality(11, "1", "夏庙村", RegionKind.VILLAGE, 1, "坞墙镇", "/1/11/", Intensity.FOCUSED, 15),
                new RoundLocality(12, "2", "归德社区", RegionKind.COMMUNITY, 1, "坞墙镇", "/1/12/", Intensity.EXPEDITED, 5),
                new RoundLocality(21, "3", "何园村", RegionKind.VILLAGE, 2, "冯桥镇", "/2/21/", Intensity.EXPEDITED, 5));
        List<FindingSummary> approved = List.of(
                finding(1, 11, "夏庙村", 1, "三资管理"), finding(2, 12, "归德社区", 1, "民生保障"), finding(3, 21, "何园村", 2, "三资管理"));
        ActivityFigures figures = new ActivityFigures(8, 120, 64, null).with(new ActivityFigures(null, null, null, 5));
        RoundReport.Sections draft = ReportDrafting.draft(
                round,
                List.of(new RoundGroup(ROUND, 1, "第一巡察组", List.of(), List.of(11L, 12L, 21L))),
                localities,
                approved,
                figures,
                null);
        assertThat(draft.overview()).contains("3个村居党组织").contains("村2个、社区1个").contains("重点巡察1个");
        assertThat(draft.workDone())
                .contains("巡察公告8份")
                .contains("个别谈话120人次")
                .contains("入户走访64户")
                .contains("信访举报5件")
                .contains("第一巡察组负责夏庙村、归德社区、何园村");
        assertThat(draft.findingsText())
                .contains("巡察共发现问题3个，其中立行立改1个")
                .contains("移交问题线索【未录入】")
                .contains("三资管理2个")
                .contains("1. 坞墙镇归德社区（民生保障）：描述2");
        assertThat(draft.commonProblems()).contains("三资管理方面的问题在2个乡镇（街道）的2个村居");
        assertThat(ReportDrafting.categoryTable(approved, List.of("坞墙镇", "冯桥镇")))
                .containsExactly(List.of("三资管理", "1", "1", "2"), List.of("民生保障", "1", "0", "1"));
    }
}
