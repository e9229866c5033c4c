package io.batchcall.csv.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exactly what {@link PhoneNumberUtil#parse(CharSequence, String)} returns, for the two shapes most
 * lists hold — {@code +} and digits, or national digits — with ASCII spaces, hyphens, dots, slashes
 * and parentheses between them; {@code null} for any other text, and whenever libphonenumber would
 * do more than split off the country code (an international or trunk prefix to strip, a country
 * code written without {@code +}), so that the caller falls back to {@code parse}. Avoids most of
 * parse's regular expressions, which cost about two thirds of an import's time.
 *
 * <p>It follows parse's steps for these shapes: the country code is the first 1-3 digits that are
 * a calling code; the national number is stripped of nothing, which holds when the region's
 * national-prefix-for-parsing pattern does not match its start (and, for national digits, when
 * neither the international prefix nor the region's country code starts them); leading zeros are
 * kept as parse keeps them. A property test checks it against parse. Not thread-safe (it caches
 * compiled patterns); one per validating thread.
 */
public final class FastPhoneParser {
    private static final Optional<Pattern> NONE = Optional.empty();

    private final PhoneNumberUtil util;
    private final MetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance()
            .getPhoneNumberMetadataSource();
    private final Set<Integer> callingCodes;
    private final Map<String, Optional<Pattern>> nationalPrefixes = new HashMap<>();
    private final int regionCountryCode;
    private final String regionCountryCodeDigits;
    private final Pattern regionInternationalPrefix;
    private final String region;

    public FastPhoneParser(PhoneNumberUtil util, String region) {
        this.util = util;
        this.region = region;
        this.callingCodes = util.getSupportedCallingCodes();
        PhoneMetadata regionMetadata = "ZZ".equals(region) ? null : metadata.getMetadataForRegion(region);
        this.regionCountryCode = regionMetadata == null ? 0 : regionMetadata.getCountryCode();
        this.regionCountryCodeDigits = String.valueOf(regionCountryCode);
        this.regionInternationalPrefix = regionMetadata == null ? null
                : Pattern.compile(regionMetadata.getInternationalPrefix());
    }

    /** The number parse would return for {@code text}, or null: then call parse. */
    public Phonenumber.PhoneNumber parse(String text) {
        int length = text.length();
        if (length == 0 || length > 40) {
            return null;
        }
        char first = text.charAt(0);
        boolean plus = first == '+';
        if (!plus && first != '(' && (first < '0' || first > '9')) {
            return null;
        }
        char[] digits = new char[length];
        int count = 0;
        for (int i = plus ? 1 : 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
                return null;
            }
        }
        if (count < 3) {
            return null;
        }
        String all = new String(digits, 0, count);
        return plus ? international(all) : national(all);
    }

    private Phonenumber.PhoneNumber international(String digits) {
        if (digits.charAt(0) == '0') {
            return null;
        }
        for (int i = 1; i <= 3; i++) {
            int candidate = Integer.parseInt(digits, 0, i, 10);
            if (callingCodes.contains(candidate)) {
                String mainRegion = util.getRegionCodeForCountryCode(candidate);
                if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(mainRegion)) {
                    return null;
                }
                return build(candidate, digits.substring(i), mainRegion);
            }
        }
        return null;
    }

    private Phonenumber.PhoneNumber national(String digits) {
        if (regionCountryCode == 0 || digits.startsWith(regionCountryCodeDigits)
                || regionInternationalPrefix.matcher(digits).lookingAt()) {
            return null;
        }
        return build(regionCountryCode, digits, region);
    }

    private Phonenumber.PhoneNumber build(int countryCode, String nationalNumber, String numberRegion) {
        if (nationalNumber.length() < 2 || nationalNumber.length() > 17) {
            return null;
        }
        Optional<Pattern> prefix = nationalPrefixes.computeIfAbsent(numberRegion, this::nationalPrefix);
        if (prefix.isPresent() && prefix.get().matcher(nationalNumber).lookingAt()) {
            return null;
        }
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(countryCode)
                .setNationalNumber(Long.parseLong(nationalNumber));
        if (nationalNumber.length() > 1 && nationalNumber.charAt(0) == '0') {
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < nationalNumber.length() - 1 && nationalNumber.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
        return number;
    }

    private Optional<Pattern> nationalPrefix(String numberRegion) {
        PhoneMetadata m = metadata.getMetadataForRegion(numberRegion);
        String pattern = m == null ? "" : m.getNationalPrefixForParsing();
        return pattern.isEmpty() ? NONE : Optional.of(Pattern.compile(pattern));
    }
}
