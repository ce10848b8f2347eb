package org.xuncha.fieldwork;

/** A fieldwork rule refused a record; the message key (bundle fieldwork) and its arguments say why, in Chinese first. */
class FieldworkRefused extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    FieldworkRefused(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
