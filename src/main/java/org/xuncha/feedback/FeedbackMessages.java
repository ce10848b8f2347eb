package org.xuncha.feedback;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns a refused feedback rule into a sentence in the user's language. */
@Component
class FeedbackMessages {

    private final MessageSource messages;

    FeedbackMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(FeedbackRuleViolation violation) {
        return messages.getMessage(
                violation.messageKey(), violation.args(), violation.messageKey(), LocaleContextHolder.getLocale());
    }

    String of(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
