/**
 * 回访与满意度: revisits of 村居 after a round (who went, how, whom they met, what residents said), the office's survey
 * questions, answers per respondent from the phone form, paper forms or the public QR page, the satisfaction index per
 * 村居, township and round, the proposal of a 回头看 below the office's threshold and the ranking of 村居 to revisit.
 */
@ApplicationModule(
        allowedDependencies = {"organization", "planning", "rectification", "intake", "identity", "audit", "web"})
@NullMarked
package org.xuncha.revisits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
