package org.xuncha.findings;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xuncha.files.FileRejected;

/** Turns refused rules and rejected files into sentences in the user's language. */
@Component
class FindingsMessages {

    private final MessageSource messages;

    FindingsMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(FindingRuleViolation violation) {
        return messages.getMessage(
                violation.messageKey(), violation.args(), violation.messageKey(), LocaleContextHolder.getLocale());
    }

    String of(FileRejected rejected) {
        return messages.getMessage(
                rejected.messageKey(), rejected.args(), rejected.messageKey(), LocaleContextHolder.getLocale());
    }
}
