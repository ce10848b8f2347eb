package org.xuncha.fieldwork;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xuncha.planning.FieldworkCompletionCheck;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.Rounds;

/**
 * The fieldwork of a round may finish only when every 五保户, 低保户 and 危房改造户 of its 村居 was visited or has a
 * recorded reason: one open item per 村居 with households left, saying how many.
 */
@Component
class SpecialHouseholdGate implements FieldworkCompletionCheck {

    private final Rounds rounds;
    private final Fieldwork fieldwork;
    private final MessageSource messages;

    SpecialHouseholdGate(Rounds rounds, Fieldwork fieldwork, MessageSource messages) {
        this.rounds = rounds;
        this.fieldwork = fieldwork;
        this.messages = messages;
    }

    @Override
    public List<String> openItems(RoundId round, Locale locale) {
        return fieldwork.coverage(round, rounds.allLocalities(round)).stream()
                .filter(c -> c.open() > 0)
                .map(c -> messages.getMessage(
                        "fieldwork.gate.open",
                        new Object[] {c.locality().townshipName() + c.locality().name(), c.open()},
                        locale))
                .toList();
    }
}
