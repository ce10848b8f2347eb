package org.xuncha.documents;

/** Chinese numerals (中文数字) as official documents count: 一、二、…十、十一、…九十九, for headings and ordinals. */
public final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {}

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; numbers from 1 to 99. */
    public static String of(int number) {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("only 1 to 99 are written in Chinese numerals here: " + number);
        }
        int tens = number / 10;
        int units = number % 10;
        StringBuilder text = new StringBuilder();
        if (tens > 1) {
            text.append(DIGITS.charAt(tens));
        }
        if (tens > 0) {
            text.append('十');
        }
        if (units > 0) {
            text.append(DIGITS.charAt(units));
        }
        return text.toString();
    }

    /** First-level heading number: 一、 */
    public static String firstLevel(int number) {
        return of(number) + "、";
    }

    /** Second-level heading number: （一） */
    public static String secondLevel(int number) {
        return "（" + of(number) + "）";
    }
}
