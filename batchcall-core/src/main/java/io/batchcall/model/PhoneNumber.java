package io.batchcall.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form ({@code +} then 2 to 15 digits, no leading zero).
 *
 * <p>The canonical constructor checks the E.164 syntax only, so numbers already stored stay
 * readable when libphonenumber's metadata changes. {@link #of(String)} and
 * {@link #parse(String, String)} also check with libphonenumber that the number is valid for its
 * region; use them for input from people and files.
 * @param e164 the number in E.164 form, e.g. {@code +14155550123}
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Validates the components (see the record description).
     *
     * @param e164 the number in E.164 form, e.g. {@code +14155550123}
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public PhoneNumber {
        if (e164 == null) {
            throw new IllegalArgumentException("phone number must not be null");
        }
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("phone number must be in E.164 form (+ and 2-15 digits), but was '"
                    + e164 + "'");
        }
    }

    /**
     * Parses an E.164 number ({@code +14155552671}) and checks that it is a valid number.
     *
     * @param e164 {@code +} then the country code and number, digits only
     * @return the number
     * @throws IllegalArgumentException naming the value and the reason
     */
    public static PhoneNumber of(String e164) {
        if (e164 != null && !e164.startsWith("+")) {
            throw new IllegalArgumentException("phone number must be in E.164 form starting with '+', but was '" + e164
                    + "'; use PhoneNumber.parse(value, region) for national numbers");
        }
        return parse(e164, "ZZ");
    }

    /**
     * Parses a number as people write it ({@code (415) 555-2671}, {@code 0044 20 7946 0958},
     * {@code +49 30 1234567}) with {@code defaultRegion} (ISO 3166 alpha-2, e.g. {@code US}) for
     * numbers without a country code, and normalises it to E.164.
     *
     * @param text the number as written
     * @param defaultRegion the region for numbers without a country code, e.g. {@code US}
     * @return the number in E.164 form
     * @throws IllegalArgumentException if the text is not a number or not a valid one
     */
    public static PhoneNumber parse(String text, String defaultRegion) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("phone number must not be blank");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(text, defaultRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("phone number '" + text + "' cannot be parsed: " + describe(e), e);
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new IllegalArgumentException("phone number '" + text + "' is not a valid number"
                    + (UTIL.getRegionCodeForNumber(parsed) == null ? " (unknown country code "
                            + parsed.getCountryCode() + ")" : " for region " + UTIL.getRegionCodeForNumber(parsed)));
        }
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /**
     * The number for logs, error messages and stored reasons: E.164 with every digit but the last
     * four replaced by {@code *}, so {@code +14155552671} reads {@code +*******2671} (plain ASCII,
     * the same length as the number). Numbers of four digits or fewer are shown as they are.
     *
     * @return the masked number
     */
    public String masked() {
        int keep = Math.min(4, e164.length() - 1);
        return "+" + "*".repeat(e164.length() - 1 - keep) + e164.substring(e164.length() - keep);
    }

    private static String describe(NumberParseException e) {
        switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE:
                return "no country code and no usable default region";
            case NOT_A_NUMBER:
                return "not a phone number";
            case TOO_SHORT_AFTER_IDD:
            case TOO_SHORT_NSN:
                return "too short";
            case TOO_LONG:
                return "too long";
            default:
                return e.getMessage();
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
