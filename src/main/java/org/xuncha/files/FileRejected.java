package org.xuncha.files;

/**
 * An upload the store refuses, with the reason as a message key of the {@code files} bundle ({@code file.rejected.*})
 * and its arguments (the file's name first), so callers tell the user which file and why in their language.
 */
public class FileRejected extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public FileRejected(String messageKey, Object... args) {
        super(messageKey + " " + java.util.Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
