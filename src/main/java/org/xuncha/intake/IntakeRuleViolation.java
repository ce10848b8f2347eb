package org.xuncha.intake;

/**
 * A refused intake action (a triage without its reason, a second triage, a reveal by someone not entitled), with a
 * message key of the {@code intake} bundle and its arguments.
 */
class IntakeRuleViolation extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    IntakeRuleViolation(String messageKey, Object... args) {
        super(messageKey);
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
