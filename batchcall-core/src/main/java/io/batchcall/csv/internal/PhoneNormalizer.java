package io.batchcall.csv.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.regex.Pattern;

/**
 * Turns a phone cell into an E.164 number with libphonenumber, or says why it cannot. Damage done
 * by spreadsheets is recognised and reported, never repaired by guessing: scientific notation,
 * a trailing {@code .0}, a lost {@code +}, a lost leading zero.
 *
 * <p>Not thread-safe; one per validating thread: libphonenumber caches its compiled patterns behind
 * a lock per {@link PhoneNumberUtil} instance, which serialises threads sharing the global
 * instance, so {@link #isolated(String)} gives each its own. Simple shapes skip libphonenumber's
 * parse (see {@link FastPhoneParser}); validity is always libphonenumber's.
 */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil SHARED = PhoneNumberUtil.getInstance();
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("\\+?[0-9]{5,}[.,]0+");

    private final PhoneNumberUtil util;
    private final FastPhoneParser fast;
    private final String region;
    private final int regionCountryCode;

    /** A valid number, or the reason there is none. */
    public record Result(String e164, Phonenumber.PhoneNumber number, PhoneNumberType type, String reason) {
        public boolean ok() {
            return reason == null;
        }

        static Result fail(String reason) {
            return new Result(null, null, null, reason);
        }
    }

    /**
     * @param util the libphonenumber instance to use
     * @param region ISO 3166 region for numbers without a country code; {@code ZZ} for none
     */
    public PhoneNormalizer(PhoneNumberUtil util, String region) {
        this.util = util;
        this.fast = new FastPhoneParser(util, region);
        this.region = region;
        this.regionCountryCode = util.getCountryCodeForRegion(region);
    }

    /** A normaliser with its own libphonenumber instance (metadata loaded on first use per region). */
    public static PhoneNormalizer isolated(String region) {
        return new PhoneNormalizer(PhoneNumberUtil.createInstance(
                DefaultMetadataDependenciesProvider.getInstance().getMetadataLoader()), region);
    }

    /** @param text the cell with surrounding spaces removed */
    public Result normalize(String text) {
        if (text.isEmpty()) {
            return Result.fail("phone is empty");
        }
        boolean decimalPoint = text.indexOf('.') >= 0 || text.indexOf(',') >= 0;
        if ((text.indexOf('E') >= 0 || text.indexOf('e') >= 0) && SCIENTIFIC.matcher(text).matches()) {
            return Result.fail("looks like a number Excel converted to scientific notation, which loses digits; "
                    + "format the column as text and export again");
        }
        if (decimalPoint && DECIMAL.matcher(text).matches()) {
            return Result.fail("looks like a number a spreadsheet stored as a decimal (ends in '.0'); format the "
                    + "column as text and export again");
        }
        if (text.contains(":::")) {
            return Result.fail("holds several numbers separated by ':::' (as Google Contacts exports them); "
                    + "keep one number per row");
        }
        Phonenumber.PhoneNumber number = fast.parse(text);
        if (number == null) {
            try {
                number = util.parse(text, region);
            } catch (NumberParseException e) {
                return Result.fail(unparsable(text, e));
            }
        }
        if (number.hasExtension()) {
            return Result.fail("has an extension (" + number.getExtension() + "), which cannot be dialled; give "
                    + "the number without it");
        }
        PhoneNumberType type = util.getNumberType(number); // UNKNOWN exactly when isValidNumber is false
        if (type == PhoneNumberType.UNKNOWN) {
            return Result.fail(invalid(text, number));
        }
        return new Result(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), number, type, null);
    }

    /** Whether {@code text} is, on its own, a valid number (to spot a missing header line). */
    public static boolean looksLikeValidNumber(String text, String region) {
        try {
            return digits(text).length() >= 7 && SHARED.isValidNumber(SHARED.parse(text, region));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private String unparsable(String text, NumberParseException e) {
        String hint = countryCodeHint(text);
        if (hint != null) {
            return hint;
        }
        switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE:
                return text.startsWith("+") || text.startsWith("00") ? "unknown country code"
                        : "has no country code; write it with + and the country code (no default region is set)";
            case TOO_SHORT_NSN:
            case TOO_SHORT_AFTER_IDD:
                return "too short to be a phone number";
            case TOO_LONG:
                return "too long to be a phone number";
            default:
                return "not a phone number";
        }
    }

    private String invalid(String text, Phonenumber.PhoneNumber number) {
        String hint = countryCodeHint(text);
        if (hint != null) {
            return hint;
        }
        String digits = digits(text);
        if (!text.contains("+") && !digits.startsWith("0") && isValid("0" + digits, region)) {
            return "not valid for region " + region + "; with a leading zero (0" + digits
                    + ") it is valid — was the leading zero lost (Excel)?";
        }
        if (text.contains("+") || number.getCountryCode() != regionCountryCode) {
            return "not a valid number for country code +" + number.getCountryCode();
        }
        return "not a valid number for region " + region;
    }

    /**
     * For a number without {@code +} that is valid only as an international number: the message
     * for a lost {@code +}, or for a {@code 00} prefix the default region does not dial; else null.
     */
    private String countryCodeHint(String text) {
        String digits = digits(text);
        if (text.contains("+") || digits.length() < 8) {
            return null;
        }
        String notValid = "ZZ".equals(region) ? "has no country code" : "not valid for region " + region;
        if (!digits.startsWith("0") && isValid("+" + digits, "ZZ")) {
            return notValid + "; it is valid as +" + digits + " — was the leading '+' lost (Excel)?";
        }
        if (digits.startsWith("00") && isValid("+" + digits.substring(2), "ZZ")) {
            return notValid + "; written as +" + digits.substring(2) + " it is valid (00 is not the international "
                    + "prefix " + ("ZZ".equals(region) ? "everywhere" : "in " + region) + "; write + and the country code)";
        }
        return null;
    }

    private boolean isValid(String text, String region) {
        try {
            return util.isValidNumber(util.parse(text, region));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
