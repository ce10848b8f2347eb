/**
 * 清单式反馈: per 村居 and per township, the list of approved findings and what must be rectified, delivered through
 * the township at a feedback meeting; issuing it publishes {@link org.xuncha.feedback.FeedbackIssued} with every
 * problem, from which rectification creates its tasks. Also the round report (巡察情况报告) and the sealing of the
 * round's dossier ({@link org.xuncha.feedback.Seals}).
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "planning",
            "findings",
            "audit",
            "confidential",
            "documents",
            "files",
            "web"
        })
@NullMarked
package org.xuncha.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
