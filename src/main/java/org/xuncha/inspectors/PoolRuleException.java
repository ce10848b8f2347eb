package org.xuncha.inspectors;

/** A change to the pool that its rules refuse; the message is a message key shown to the user. */
class PoolRuleException extends RuntimeException {

    PoolRuleException(String messageKey) {
        super(messageKey);
    }
}
