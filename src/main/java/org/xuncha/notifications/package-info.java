/**
 * 消息中心: in-app notifications (the bell in the layout, the list, marking read), addressed to one user or to a role
 * within a region subtree, so that a township's warning reaches its liaison and the district's office alike.
 */
@ApplicationModule(allowedDependencies = {"organization", "web"})
@NullMarked
package org.xuncha.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
