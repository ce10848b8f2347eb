/**
 * 用户、角色与数据范围: accounts, sign-in and the security baseline, the roles of the 三员分立 and the business roles,
 * and each user's data scope (region subtrees, later inspection groups and receiving bodies).
 */
@ApplicationModule(allowedDependencies = {"organization", "audit", "confidential", "web"})
@NullMarked
package org.xuncha.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
