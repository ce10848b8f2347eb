/**
 * 问题与问题线索: findings of a round's groups in their 村居 with evidence (every version kept with its SHA-256), the
 * working paper (问题底稿) approved member → leader → office, 立行立改, repeat and common-problem detection, and leads
 * (问题线索) transferred to the receiving bodies, whose content only the director, the raising group's leader and the
 * receiving body see.
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "planning",
            "inspectors",
            "identity",
            "audit",
            "confidential",
            "documents",
            "files",
            "web",
            "intake",
            "search"
        })
@NullMarked
package org.xuncha.findings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
