/**
 * 整改与督导: issued feedback becomes one rectification task per listed problem (挂账), the township's plan, progress
 * with evidence, verification by the supervision groups or the office, returns (敷衍、虚假整改) and close-out (销号);
 * working-day deadlines against the office's holiday calendar with three-colour warnings; supervision groups, their
 * visits and indicator scores; the analysis of common problems; the township's report, the round's summary and the
 * ledger.
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "planning",
            "feedback",
            "intake",
            "files",
            "documents",
            "audit",
            "web",
            "notifications"
        })
@NullMarked
package org.xuncha.rectification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
