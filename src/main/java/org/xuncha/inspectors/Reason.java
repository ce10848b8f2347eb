package org.xuncha.inspectors;

import java.util.List;

/**
 * A reason as a message key with its arguments, so it renders in the reader's language (in Thymeleaf:
 * {@code #messages.msgWithParams(r.key, r.params())}).
 */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }

    public Object[] params() {
        return args.toArray();
    }
}
