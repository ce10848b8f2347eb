/**
 * 信访举报: the public's channel (码上巡察: a phone page reached from a notice's QR code, anonymous by default, with a
 * receipt code to follow it) and the petitions a group registers from phone calls, letters, the mailbox and visits,
 * each triaged by the group. Whistleblower names and phones are SM4-encrypted and revealed only to the round's group
 * leader and the office director, each reveal audited. Kept separable so the public page can run as its own
 * internet-facing instance.
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "planning",
            "inspectors",
            "identity",
            "audit",
            "confidential",
            "documents",
            "files",
            "search",
            "web"
        })
@NullMarked
package org.xuncha.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
