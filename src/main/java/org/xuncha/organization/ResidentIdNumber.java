package org.xuncha.organization;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character resident identity number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date,
 * 3-digit sequence and a check character computed by ISO 7064 MOD 11-2 (0–9 or X).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdNumber() {}

    /** Whether {@code number} is well formed: 17 digits, a real birth date, and the right check character. */
    public static boolean isValid(String number) {
        if (number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return Character.toUpperCase(number.charAt(17)) == checkCharacter(number.substring(0, 17));
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Whether {@code text} is a number as the roster and the export show it: masked but for the last four. */
    static boolean isMasked(String text) {
        return text.matches("\\*{14}[0-9]{3}[0-9Xx]");
    }

    /** The last four characters, the only part kept in clear. */
    static String tail(String number) {
        return number.substring(number.length() - 4).toUpperCase();
    }
}
