package org.xuncha.rectification;

/** A change the rules refuse, with a message key of the {@code rectification} bundle and its arguments. */
class RectificationRuleViolation extends RuntimeException {

    private final String key;
    private final Object[] args;

    RectificationRuleViolation(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
