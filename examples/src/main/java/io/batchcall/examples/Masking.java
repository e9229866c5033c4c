package io.batchcall.examples;

import io.batchcall.model.PhoneNumber;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as the examples print them: only the last four digits, the rest starred
 * ({@code +14155552671} → {@code +*******2671}), so a demo log or screenshot leaks no number.
 * A number batchcall parsed is masked by the core's {@link PhoneNumber#masked()}.
 */
final class Masking {
    /** A phone number as written: an optional +, then digits with spaces, dots, dashes or brackets. */
    private static final Pattern WRITTEN_NUMBER = Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d");

    private Masking() {
    }

    /**
     * Every phone number written in {@code text} with all but its last four digits starred,
     * separators kept ({@code 212.779.2028} → {@code ***.***.2028}).
     */
    static String digits(String text) {
        Matcher m = WRITTEN_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group();
            long total = number.chars().filter(Character::isDigit).count();
            StringBuilder masked = new StringBuilder();
            long seen = 0;
            for (char ch : number.toCharArray()) {
                if (Character.isDigit(ch)) {
                    masked.append(++seen > total - 4 ? ch : '*');
                } else {
                    masked.append(ch);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(masked.toString()));
        }
        return m.appendTail(out).toString();
    }

    static String phone(PhoneNumber number) {
        return number.masked();
    }
}
