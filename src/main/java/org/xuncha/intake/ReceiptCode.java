package org.xuncha.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * 回执码: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in groups of four; about 59 bits,
 * so it cannot be guessed, and typed back in any case, with or without spaces and dashes.
 */
record ReceiptCode(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    ReceiptCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a receipt code");
        }
    }

    static ReceiptCode random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new ReceiptCode(code.toString());
    }

    /** What a person typed, when it can be a receipt code. */
    static Optional<ReceiptCode> parse(String typed) {
        String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new ReceiptCode(plain));
    }

    /** XXXX-XXXX-XXXX. */
    String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return "ReceiptCode[****]";
    }
}
