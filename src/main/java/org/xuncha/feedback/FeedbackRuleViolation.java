package org.xuncha.feedback;

/** A feedback or dossier rule refused an action; the message key names the rule, the arguments fill it. */
class FeedbackRuleViolation extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    FeedbackRuleViolation(String messageKey, Object... args) {
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
