/**
 * 进驻工作: what an inspection group does in its 村居 during a round — notices (巡察公告 with a QR code to the public
 * report page) and where they were posted, loudspeaker broadcasts, talks (座谈会, 个别谈话, notes encrypted), household
 * visits (入户走访) with the coverage of special households (五保户, 低保户, 危房改造户) that gates the end of
 * fieldwork, document reviews and site checks. Records are keyed by round and 村居; {@link
 * org.xuncha.fieldwork.FieldworkFigures} gives their counts to other modules.
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "planning",
            "inspectors",
            "audit",
            "confidential",
            "documents",
            "files",
            "search",
            "web"
        })
@NullMarked
package org.xuncha.fieldwork;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
