/**
 * Web kernel: the one layout and its navigation, languages (zh-CN by default, zh-TW, en), friendly error pages,
 * paging and conflict handling shared by every module's pages.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.xuncha.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
