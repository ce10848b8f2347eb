package org.xuncha.rectification;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The office's warning settings (预警设置): the green and yellow thresholds in working days left, who is notified of
 * each colour, and where the e-mail digest goes when a mail server is configured.
 */
record WarningSettings(
        int greenDays,
        int yellowDays,
        Set<Recipient> green,
        Set<Recipient> yellow,
        Set<Recipient> red,
        @Nullable String mailTo,
        int version) {

    /** Who a colour notifies: a role within the task's township, or the township's supervision group. */
    enum Recipient {
        TOWNSHIP_LIAISON,
        SUPERVISION_GROUP,
        OFFICE_STAFF,
        OFFICE_DIRECTOR,
        LEADER
    }

    Set<Recipient> recipients(WarningColour colour) {
        return switch (colour) {
            case GREEN -> green;
            case YELLOW -> yellow;
            case RED -> red;
            case NONE -> Set.of();
        };
    }

    List<String> mailAddresses() {
        if (mailTo == null || mailTo.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(mailTo.split("[,;，；\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
    }
}
