/**
 * 统计 (statistics): the scorecard (成绩单) for a scope and period with every figure traceable to the records behind
 * it, the leaders' dashboard and the annual work summary (年度巡察村居工作总结). Reads only the reporting contract,
 * the views in schema {@code statistics} over the other modules' tables; computes everything live from them.
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "documents",
            "web",
            "audit",
            "planning",
            "findings",
            "fieldwork",
            "intake",
            "rectification"
        })
@NullMarked
package org.xuncha.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
