package org.xuncha.planning;

import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xuncha.inspectors.Reason;

/** Turns a refused planning rule into a sentence in the user's language, states and kinds by their labels. */
@Component
class PlanningMessages {

    private final MessageSource messages;

    PlanningMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(RoundRuleViolation violation) {
        Object[] args = Arrays.stream(violation.args()).map(this::label).toArray();
        return messages.getMessage(
                violation.messageKey(), args, violation.messageKey(), LocaleContextHolder.getLocale());
    }

    /** Reasons (入选理由) as one line in the user's language. */
    String of(java.util.List<Reason> reasons) {
        return String.join("；", reasons.stream().map(r -> (String) label(r)).toList());
    }

    private Object label(Object arg) {
        if (arg instanceof RoundState state) {
            return messages.getMessage(
                    "roundState." + state.name(), null, state.name(), LocaleContextHolder.getLocale());
        }
        if (arg instanceof Reason reason) {
            return messages.getMessage(reason.key(), reason.params(), reason.key(), LocaleContextHolder.getLocale());
        }
        if (arg instanceof LocalDate date) {
            return date.toString();
        }
        return arg;
    }
}
