package io.batchcall.csv.internal;

import java.util.List;
import java.util.Locale;

/**
 * The header names the importer recognises, compared after {@link #normalize(String)}: case,
 * surrounding spaces and the difference between spaces, underscores, hyphens and other
 * punctuation do not matter ({@code First Name} = {@code first_name} = {@code FIRST-NAME}).
 */
public final class HeaderNames {
    /**
     * Phone column candidates, best first: the first present wins and any other becomes a
     * variable. The first four are the documented names; the rest are what CRMs, Outlook, Google
     * Contacts and hand-made sheets call it.
     */
    public static final List<String> PHONE = List.of(
            "phone", "phone_number", "mobile", "cell",
            "mobile_phone", "mobile_number", "mobile_phone_number", "cell_phone", "cellphone", "cell_number",
            "phonenumber", "mobilephone", "phone_mobile", "telephone", "telephone_number", "tel", "phone_no",
            "mobile_no", "msisdn", "primary_phone", "contact_number", "phone_1_value", "business_phone",
            "work_phone", "home_phone");
    public static final List<String> NAME = List.of("name", "full_name", "contact_name");
    public static final List<String> FIRST_NAME = List.of("first_name", "firstname", "given_name");
    public static final List<String> LAST_NAME = List.of("last_name", "lastname", "surname", "family_name");
    public static final List<String> TIMEZONE = List.of("timezone", "time_zone", "tz");

    private HeaderNames() {
    }

    /** Lower case; every run of characters other than letters and digits becomes one {@code _}, trimmed. */
    public static String normalize(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append('_');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** What a phone column may be called, for error messages. */
    public static String phoneNamesForHumans() {
        return "phone, phone number, mobile or cell (or a common variant such as mobile phone, telephone, tel or "
                + "Phone 1 - Value; case, spaces, underscores and hyphens do not matter)";
    }
}
