package org.xuncha.findings;

/**
 * A rule of findings or leads the request breaks (a member approving, a paper in the wrong state, a lead content
 * request by someone who may not read it), with a message key of the {@code findings} bundle and its arguments.
 */
class FindingRuleViolation extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    FindingRuleViolation(String messageKey, Object... args) {
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
