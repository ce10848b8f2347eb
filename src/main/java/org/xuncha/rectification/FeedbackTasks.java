package org.xuncha.rectification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.feedback.FeedbackIssued;

/** Issued feedback becomes rectification tasks (挂账); a redelivered event creates none twice. */
@Component
class FeedbackTasks {

    private final TaskChanges changes;

    FeedbackTasks(TaskChanges changes) {
        this.changes = changes;
    }

    @ApplicationModuleListener
    void on(FeedbackIssued feedback) {
        changes.enter(feedback);
    }
}
