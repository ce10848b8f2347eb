package org.xuncha.planning;

import java.util.Arrays;

/**
 * A change a planning rule refuses (e.g. a step out of order), with the message key and arguments that tell the
 * user why in their language; enum arguments are shown by their labels.
 */
class RoundRuleViolation extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    RoundRuleViolation(String messageKey, Object... args) {
        super(messageKey + " " + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args.clone();
    }
}
