/**
 * 区域名册: the region tree from province to 村居, each 村居's party organization, collective economy (三资) and
 * classification facts with the suggested inspection intensity, and the household roster; with Excel import and
 * export. Every query is bounded by the caller's {@link org.xuncha.organization.RegionScope}.
 */
@ApplicationModule(allowedDependencies = {"audit", "confidential", "documents", "web"})
@NullMarked
package org.xuncha.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
