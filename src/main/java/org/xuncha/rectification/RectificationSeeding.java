package org.xuncha.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.RoundId;

/**
 * Rectification as a demo generator moves it on (整改进度生成): of a round's tasks (opened from its issued feedback),
 * the first ones planned, evidenced, submitted by the township liaison and closed out by the supervision group, the next
 * ones submitted and waiting, through {@link TaskChanges} with its rules — each step dated after the feedback was
 * issued and none after today (see {@link #progress}). For generators outside rectification (the {@code demo} module),
 * not for people.
 */
@Component
public class RectificationSeeding {

    private final Tasks tasks;
    private final Plans plans;
    private final TaskChanges changes;
    private final Clock clock;

    RectificationSeeding(Tasks tasks, Plans plans, TaskChanges changes, Clock clock) {
        this.tasks = tasks;
        this.plans = plans;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Of the round's open tasks (spread evenly over the register's order), closes out about {@code closePercent} % and
     * submits about {@code submitPercent} % more for verification; returns how many were closed out. The measures are
     * written in the first days after the feedback was issued; three in four of the tasks to close are closed out
     * before their deadline, the others some weeks after it (so that the on-time rate is not a perfect one); a step
     * whose day would lie after today is not taken: such a task is only submitted, or stays as it is.
     */
    @Transactional
    public int progress(RoundId round, int closePercent, int submitPercent) {
        List<RectificationTask> open =
                tasks.list(new Tasks.Filter(round.value(), null, TaskState.OPEN, false), TaskScope.everything());
        LocalDate today = LocalDate.now(clock);
        Map<Long, LocalDate> issued = new HashMap<>();
        int closed = 0;
        for (int i = 0; i < open.size(); i++) {
            RectificationTask task = open.get(i);
            LocalDate issuedOn = issued.computeIfAbsent(task.planId(), this::issuedOn);
            int bucket = (i * 37) % 100;
            LocalDate planned = issuedOn.plusDays(3 + i % 8);
            if (!planned.isBefore(today) || bucket >= closePercent + submitPercent) {
                continue;
            }
            LocalDate closeOn = bucket < closePercent ? closingDay(task, issuedOn, i, bucket) : null;
            if (closeOn != null && closeOn.isBefore(today)) {
                LocalDate submitted = max(closeOn.minusDays(3 + i % 6), planned.plusDays(1));
                changes.closeOut(
                        submitted(task, planned, submitted), "现场核查，整改台账齐全，群众认可。", null, "office", at(closeOn, 16));
                closed++;
            } else {
                LocalDate submitted = min(planned.plusDays(20 + i % 40), today.minusDays(1));
                if (submitted.isAfter(planned)) {
                    submitted(task, planned, submitted);
                }
            }
        }
        return closed;
    }

    /** On time (some days to weeks before the deadline) for three tasks in four, a few weeks late for the fourth. */
    private static LocalDate closingDay(RectificationTask task, LocalDate issuedOn, int i, int bucket) {
        LocalDate deadline = task.deadline();
        if (bucket % 4 == 1) {
            return deadline.plusDays(3 + (i * 17) % 45);
        }
        long room = Math.max(1, ChronoUnit.DAYS.between(issuedOn.plusDays(15), deadline));
        return issuedOn.plusDays(15 + (i * 53L) % room);
    }

    private RectificationTask submitted(RectificationTask task, LocalDate planned, LocalDate submittedOn) {
        RectificationTask plan = changes.plan(
                task,
                "对照问题清单逐项整改，" + task.requirement(),
                task.responsible(),
                false,
                null,
                List.of(),
                "liaison",
                at(planned, 10));
        plan = reload(plan);
        changes.addEvidence(plan, null, null, "已完成整改，附会议记录和公开栏照片（见纸质台账）。", "liaison", at(submittedOn.minusDays(1), 17));
        return reload(changes.submit(reload(plan), "liaison", at(submittedOn, 9)));
    }

    private LocalDate issuedOn(long planId) {
        return plans.find(planId, TaskScope.everything()).orElseThrow().issuedOn();
    }

    private RectificationTask reload(RectificationTask task) {
        return tasks.find(task.id(), TaskScope.everything()).orElseThrow();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(clock.getZone()).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
