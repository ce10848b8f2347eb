package org.xuncha.rectification;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.RoundId;

/**
 * Rectification as a demo generator moves it on (整改进度生成): of a round's tasks (opened from its issued feedback),
 * the first ones planned, evidenced, submitted by the township liaison and closed out by the supervision group, the next
 * ones submitted and waiting, through {@link TaskChanges} with its rules. For generators outside rectification (the
 * {@code demo} module), not for people.
 */
@Component
public class RectificationSeeding {

    private final Tasks tasks;
    private final TaskChanges changes;

    RectificationSeeding(Tasks tasks, TaskChanges changes) {
        this.tasks = tasks;
        this.changes = changes;
    }

    /**
     * Of the round's open tasks (spread evenly over the register's order), closes out about {@code closePercent} % and
     * submits about {@code submitPercent} % more for verification; returns how many were closed out.
     */
    @Transactional
    public int progress(RoundId round, int closePercent, int submitPercent) {
        List<RectificationTask> open =
                tasks.list(new Tasks.Filter(round.value(), null, TaskState.OPEN, false), TaskScope.everything());
        int closed = 0;
        for (int i = 0; i < open.size(); i++) {
            int bucket = (i * 37) % 100;
            if (bucket < closePercent) {
                changes.closeOut(submitted(open.get(i)), "现场核查，整改台账齐全，群众认可。", null, "office");
                closed++;
            } else if (bucket < closePercent + submitPercent) {
                submitted(open.get(i));
            }
        }
        return closed;
    }

    private RectificationTask submitted(RectificationTask task) {
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
