package io.batchcall.twilio.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers in text the adapter logs or puts in messages (Twilio's error messages quote
 * the number): a run of 7 to 15 digits, with or without {@code +}, that is not part of a longer
 * word (so call sids stay whole) keeps only its last four digits, as
 * {@code PhoneNumber.masked()} does: {@code +14155552671} becomes {@code +*******2671}.
 */
public final class Masking {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9])(\\+?)(\\d{7,15})(?![A-Za-z0-9])");

    private Masking() {
    }

    /** {@code text} with every phone-number-like digit run masked; null stays null. */
    public static String numbers(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String digits = m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "*".repeat(digits.length() - 4)
                    + digits.substring(digits.length() - 4)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
