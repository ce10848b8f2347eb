/**
 * 巡察规划与轮次: the committee's term and its coverage target, the rounds that take whole township units with their
 * 村居 and intensities, each round's state from planned to closed, its meetings, the focus checklist and the round's
 * documents (工作方案, 成立巡察组通知, 授权书). Coverage is computed from the rounds, never typed.
 */
@ApplicationModule(allowedDependencies = {"organization", "audit", "documents", "web", "inspectors"})
@NullMarked
package org.xuncha.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
