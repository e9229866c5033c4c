package io.batchcall.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.batchcall.model.PhoneNumber;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The regions a recipient is known to be in, as {@link HoursRule} names them: the country of its
 * number (libphonenumber's region, e.g. {@code US} for a +1 number of the United States, {@code CA}
 * for Canada) and, when the floor names a subdivision variable and the recipient has it, the
 * subdivision ({@code FL} or {@code US-FL} in a {@code state} column both give {@code US-FL}).
 * Thread-safe.
 */
public final class RecipientRegions {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private RecipientRegions() {
    }

    /**
     * The recipient's regions.
     *
     * @param phone the number
     * @param variables the recipient's variables
     * @param subdivisionVariable the variable holding the subdivision (compared ignoring case), or null
     * @return the country code (when libphonenumber knows it) and the subdivision code (when given)
     */
    public static Set<String> of(PhoneNumber phone, Map<String, String> variables, String subdivisionVariable) {
        Set<String> regions = new HashSet<>(2);
        String country = countryOf(phone);
        if (country != null) {
            regions.add(country);
        }
        String sub = subdivisionVariable == null ? null : value(variables, subdivisionVariable);
        if (sub != null && !sub.isBlank()) {
            String code = sub.trim().toUpperCase(Locale.ROOT);
            regions.add(code.contains("-") || country == null ? code : country + "-" + code);
        }
        return regions;
    }

    /**
     * The number's country as libphonenumber places it.
     *
     * @param phone the number
     * @return the ISO 3166-1 alpha-2 code, or null when the number belongs to no single country
     */
    public static String countryOf(PhoneNumber phone) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(phone.e164(), "ZZ"));
            return region == null || region.equals("ZZ") || region.equals("001") ? null : region;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String value(Map<String, String> variables, String name) {
        String exact = variables.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
