/**
 * 巡察人才库与回避: the pool of inspectors with their recusal facts, the recusal rules of each district with the
 * director's exceptions, and the suggestion of group rosters (建议名单) that never break a recusal rule. Rounds and
 * groups themselves belong to {@code planning}, which calls this module's API.
 */
@ApplicationModule(allowedDependencies = {"organization", "audit", "documents", "web", "confidential"})
@NullMarked
package org.xuncha.inspectors;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
