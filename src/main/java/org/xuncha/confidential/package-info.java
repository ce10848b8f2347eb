/**
 * Confidential fields at rest: SM4 encryption of personal and whistleblower data and SM3 digests, with the key
 * checked at start (a missing or weak key stops the application).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.xuncha.confidential;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
