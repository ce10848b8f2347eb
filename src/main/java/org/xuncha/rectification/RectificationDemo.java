package org.xuncha.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.xuncha.feedback.FeedbackIssued;
import org.xuncha.feedback.ListedProblem;
import org.xuncha.organization.DemoDistrictLoaded;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.planning.FieldworkFinished;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.Rounds;

/**
 * Demo rectification for the pilot round, until the feedback module issues real lists: a feedback-like list per pilot
 * township entered through {@link TaskChanges#enter} (feedback ids are negative, finding ids are demo numbers), with
 * deadlines spread so the warnings show every colour, some progress, a return and a close-out, the first supervision
 * group (第一督导组: the demo account {@code supervisor}, 坞墙镇, 冯桥镇, 闫集镇) and today's warnings sent.
 */
@Component
class RectificationDemo {

    static final String GROUP_NAME = "第一督导组";
    static final List<String> SUPERVISED = List.of("坞墙镇", "冯桥镇", "闫集镇");

    /** Working days from today to each pilot township's report deadline: green, yellow, overdue and none. */
    static final Map<String, Integer> DAYS_LEFT = Map.of("坞墙镇", 18, "冯桥镇", 8, "闫集镇", -2, "古城街道", 30);

    private static final String[][] PROBLEMS = {
        {"党的建设", "“三会一课”制度落实不到位，2025年组织生活会记录不全。", "规范“三会一课”台账，按期召开组织生活会并如实记录。"},
        {"三资管理", "集体资产租赁合同未经村民代表会议决议，租金收缴不及时。", "清理租赁合同，履行民主程序，追缴欠缴租金并公开。"},
        {"惠民政策落实", "低保户动态调整不及时，有2户不符合条件人员仍享受低保。", "逐户核查低保对象，清退不符合条件人员，建立动态管理机制。"},
        {"作风建设", "村务公开栏内容长期未更新，群众反映办事难。", "每月更新村务公开栏，设立便民服务代办点。"}
    };

    /** For a township's second 村居, problems 2 and 4 differ, so only some categories are common to both. */
    private static final String[][] OTHER_PROBLEMS = {
        PROBLEMS[0],
        {"村级工程项目", "村内道路硬化工程未公开招标，验收资料缺失。", "补齐工程招投标和验收资料，对相关责任人批评教育。"},
        PROBLEMS[2],
        {"基层治理", "矛盾纠纷排查化解台账不全，部分信访事项未按期回复。", "建立矛盾纠纷排查台账，逐件答复群众诉求。"}
    };

    private final Regions regions;
    private final Rounds rounds;
    private final TaskChanges changes;
    private final Tasks tasks;
    private final SupervisionGroups groups;
    private final HolidayCalendar calendar;
    private final DailyWarnings warnings;
    private final Clock clock;
    private final boolean demo;

    RectificationDemo(
            Regions regions,
            Rounds rounds,
            TaskChanges changes,
            Tasks tasks,
            SupervisionGroups groups,
            HolidayCalendar calendar,
            DailyWarnings warnings,
            Clock clock,
            @Value("${xuncha.demo.enabled:}") String demoFlag,
            @Value("${xuncha.database.url:}") String databaseUrl) {
        this.regions = regions;
        this.rounds = rounds;
        this.changes = changes;
        this.tasks = tasks;
        this.groups = groups;
        this.calendar = calendar;
        this.warnings = warnings;
        this.clock = clock;
        this.demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
    }

    @ApplicationModuleListener
    void on(DemoDistrictLoaded event) {
        if (groups.exists(GROUP_NAME)) {
            return;
        }
        RegionScope district = RegionScope.of(List.of(event.districtId()));
        List<SupervisionGroups.Township> townships = regions.townships(district).stream()
                .filter(t -> SUPERVISED.contains(t.name()))
                .map(t -> new SupervisionGroups.Township(t.id(), t.name(), t.path()))
                .toList();
        groups.create(GROUP_NAME, List.of("supervisor"), townships);
    }

    @ApplicationModuleListener
    void on(FieldworkFinished event) {
        if (!demo) {
            return;
        }
        RegionSummary district = regions.findByName("睢阳区").orElse(null);
        if (district == null) {
            return;
        }
        RegionScope whole = RegionScope.of(List.of(district.id()));
        boolean pilot = rounds.find(event.roundId(), whole)
                .map(r -> r.kind() == RoundKind.PILOT && r.number() == 1)
                .orElse(false);
        if (!pilot
                || !tasks.list(new Tasks.Filter(event.roundId().value(), null, null, false), TaskScope.everything())
                        .isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        WorkingDays days = calendar.workingDays();
        Map<Long, List<RoundLocality>> byTownship = new LinkedHashMap<>();
        for (RoundLocality l : rounds.localities(event.roundId(), whole)) {
            byTownship.computeIfAbsent(l.townshipId(), k -> new ArrayList<>()).add(l);
        }
        int finding = 0;
        for (Map.Entry<Long, List<RoundLocality>> entry : byTownship.entrySet()) {
            String townshipName = entry.getValue().get(0).townshipName();
            int left = DAYS_LEFT.getOrDefault(townshipName, 30);
            LocalDate due = left >= 0 ? days.plus(today, left) : today.plusDays(left);
            List<ListedProblem> problems = new ArrayList<>();
            for (RoundLocality locality : entry.getValue()) {
                String[][] listed = locality == entry.getValue().get(0) ? PROBLEMS : OTHER_PROBLEMS;
                for (int p = 0; p < listed.length; p++) {
                    finding++;
                    Long petition = p == 2 ? Long.valueOf(-finding) : null;
                    problems.add(new ListedProblem(
                            -finding,
                            locality.localityId(),
                            locality.name(),
                            listed[p][0],
                            listed[p][1],
                            listed[p][2],
                            p == 3,
                            petition));
                }
            }
            changes.enter(new FeedbackIssued(
                    -entry.getKey(),
                    event.roundId(),
                    entry.getKey(),
                    townshipName,
                    today.minusDays(30),
                    due,
                    problems,
                    "office",
                    Instant.now(clock)));
        }
        progress(event.roundId().value());
        warnings.runFor(today);
    }

    /** Some progress in 冯桥镇: one task closed out, one returned as perfunctory, one submitted. */
    private void progress(long roundId) {
        List<RectificationTask> fengqiao =
                tasks.list(new Tasks.Filter(roundId, null, null, false), TaskScope.everything()).stream()
                        .filter(t -> t.townshipName().equals("冯桥镇") && !t.massRaised())
                        .toList();
        if (fengqiao.size() < 3) {
            return;
        }
        RectificationTask closed = walkToSubmitted(fengqiao.get(0));
        changes.closeOut(closed, "现场核查，台账齐全。", null, "supervisor");
        RectificationTask returned = walkToSubmitted(fengqiao.get(1));
        changes.returnFor(returned, ReturnReason.PERFUNCTORY, "仅补写了会议记录，未实际召开组织生活会。", "supervisor");
        walkToSubmitted(fengqiao.get(2));
    }

    private RectificationTask walkToSubmitted(RectificationTask task) {
        RectificationTask planned = changes.plan(
                task, "对照问题清单逐项整改，" + task.requirement(), task.responsible(), false, null, List.of(), "liaison");
        planned = reload(planned);
        changes.addEvidence(planned, null, null, "已完成整改，附会议记录和公开栏照片（见纸质台账）。", "liaison");
        return reload(changes.submit(reload(planned), "liaison"));
    }

    private RectificationTask reload(RectificationTask task) {
        return tasks.find(task.id(), TaskScope.everything()).orElseThrow();
    }
}
