package org.xuncha.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The way of a task from 挂账 to 销号: its rules, returns counted against the township, petition replies. */
class RectificationTaskTests {

    static RectificationTask open(Long petition) {
        return new RectificationTask(
                1,
                1,
                1,
                1,
                1,
                1,
                "坞墙镇",
                1,
                "某村",
                "/1/",
                "三资管理",
                "事实",
                "要求",
                false,
                petition,
                LocalDate.of(2026, 12, 31),
                "书记",
                null,
                false,
                null,
                TaskState.OPEN,
                0,
                null,
                null,
                null,
                0);
    }

    @Test
    void aTaskIsSubmittedOnlyWithMeasuresAndEvidence() {
        RectificationTask task = open(null);
        assertThatThrownBy(() -> task.submit(1, LocalDate.now()))
                .isInstanceOf(RectificationRuleViolation.class)
                .hasMessage("task.submit.noMeasures");
        RectificationTask planned = task.plan("清理合同", "张书记", false, null, List.of());
        assertThatThrownBy(() -> planned.submit(0, LocalDate.now())).hasMessage("task.submit.noEvidence");
        assertThat(planned.submit(1, LocalDate.now()).state()).isEqualTo(TaskState.SUBMITTED);
    }

    @Test
    void aReturnReopensTheTaskAndCountsAgainstTheTownship() {
        RectificationTask submitted =
                open(null).plan("措施", "书记", false, null, List.of()).submit(1, LocalDate.now());
        RectificationTask returned = submitted.returnFor(ReturnReason.PERFUNCTORY, "只补了记录");
        assertThat(returned.state()).isEqualTo(TaskState.RETURNED);
        assertThat(returned.returns()).isEqualTo(1);
        RectificationTask again = returned.submit(1, LocalDate.now()).returnFor(ReturnReason.FAKE, "照片为旧照片");
        assertThat(again.returns()).isEqualTo(2);
        assertThatThrownBy(() -> returned.returnFor(ReturnReason.FAKE, "x")).hasMessage("task.cannot");
        assertThatThrownBy(() -> submitted.returnFor(ReturnReason.FAKE, " ")).hasMessage("task.return.noteRequired");
    }

    @Test
    void onlyASubmittedTaskIsClosedOutAndAPetitionNeedsAPublicReply() {
        RectificationTask fromPetition = open(77L);
        assertThatThrownBy(() -> fromPetition.closeOut(LocalDate.now(), "答复")).hasMessage("task.cannot");
        RectificationTask submitted =
                fromPetition.plan("措施", "书记", false, null, List.of()).submit(1, LocalDate.now());
        assertThatThrownBy(() -> submitted.closeOut(LocalDate.now(), null)).hasMessage("task.close.replyRequired");
        RectificationTask closed = submitted.closeOut(LocalDate.of(2026, 11, 1), "已整改");
        assertThat(closed.state()).isEqualTo(TaskState.CLOSED_OUT);
        assertThat(closed.publicReply()).isEqualTo("已整改");
        assertThatThrownBy(() -> closed.plan("x", "y", false, null, List.of())).hasMessage("task.closed");
    }

    @Test
    void aLongTermTaskNeedsItsReasonAndMilestones() {
        RectificationTask task = open(null);
        assertThatThrownBy(() -> task.plan("措施", "书记", true, null, List.of()))
                .hasMessage("task.longTerm.reasonRequired");
        assertThatThrownBy(() -> task.plan("措施", "书记", true, "需跨年度", List.of()))
                .hasMessage("task.longTerm.milestonesRequired");
        RectificationTask planned = task.plan(
                "措施", "书记", true, "需跨年度", List.of(new RectificationTask.Milestone(LocalDate.of(2027, 3, 1), "完成一半")));
        assertThat(planned.longTerm()).isTrue();
        assertThat(planned.longTermReason()).isEqualTo("需跨年度");
    }
}
