/**
 * 审计日志: the append-only, SM3 hash-chained record of sign-ins, denials and every change and export of business
 * records, and the audit admin's pages to read, export and verify it.
 */
@ApplicationModule(allowedDependencies = {"confidential", "documents", "web"})
@NullMarked
package org.xuncha.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
