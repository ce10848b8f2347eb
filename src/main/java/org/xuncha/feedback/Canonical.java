package org.xuncha.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The canonical serialization of a sealed record (规范化序列化): {@code name=value} lines in a fixed order, backslashes
 * and line breaks escaped and null written as {@code \0}, so that the same record always gives the same text and any
 * change of a field changes it.
 */
final class Canonical {

    private final StringBuilder text = new StringBuilder();

    static Canonical of(String kind) {
        Canonical canonical = new Canonical();
        canonical.text.append(kind).append('\n');
        return canonical;
    }

    Canonical field(String name, @Nullable Object value) {
        text.append(name).append('=');
        if (value == null) {
            text.append("\\0");
        } else {
            text.append(
                    value.toString().replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"));
        }
        text.append('\n');
        return this;
    }

    String text() {
        return text.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
