package io.batchcall.csv.internal;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import io.batchcall.model.ZoneKey;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recipient's zone key ({@link ZoneKey}): from a {@code timezone} cell, which must be an IANA
 * zone id (any case), or else what libphonenumber's {@link PhoneNumberToTimeZonesMapper} says for
 * the number; a number it does not place gets {@code ""}. Thread-safe and lock-free: it reads the
 * mapper's data through {@link TimeZonePrefixTable}, and falls back to the mapper itself only if
 * that table cannot be loaded.
 */
public final class ZoneResolver {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Map<String, String> IANA_BY_LOWER_CASE = ianaIds();

    private final TimeZonePrefixTable table = Table.INSTANCE;
    private final Map<List<String>, String> mapperKeys = new ConcurrentHashMap<>();

    /** Loaded once per JVM: immutable data from the libphonenumber jar, like libphonenumber's own. */
    private static final class Table {
        static final TimeZonePrefixTable INSTANCE = TimeZonePrefixTable.load();
    }

    /**
     * The zone key of a valid E.164 number, exactly as a CSV import resolves it when the file has no
     * {@code timezone} column; empty when libphonenumber does not know the number's type.
     */
    public String zoneForE164(String e164) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(e164, "ZZ");
            PhoneNumberType type = UTIL.getNumberType(number);
            return type == PhoneNumberType.UNKNOWN ? "" : zoneForNumber(number, type, e164);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return "";
        }
    }

    /** The canonical IANA id for a {@code timezone} cell, or null if it is not one. */
    public static String zoneFromCell(String text) {
        return IANA_BY_LOWER_CASE.get(text.toLowerCase(Locale.ROOT));
    }

    /**
     * The zone key of a valid number, as {@code mapper.getTimeZonesForNumber(number)} gives it: a
     * geographical number by its longest known prefix, any other (a mobile, say) by its country.
     *
     * @param e164 the number's E.164 form
     * @param type its type, which must not be {@code UNKNOWN}
     */
    public String zoneForNumber(Phonenumber.PhoneNumber number, PhoneNumberType type, String e164) {
        boolean geographical = UTIL.isNumberGeographical(type, number.getCountryCode());
        if (table != null) {
            return table.lookup(geographical ? E164Keys.key(e164) : number.getCountryCode());
        }
        PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
        List<String> zones = geographical ? mapper.getTimeZonesForGeographicalNumber(number)
                : mapper.getTimeZonesForNumber(number);
        return mapperKeys.computeIfAbsent(zones, ids -> TimeZonePrefixTable.key(String.join("&", ids)));
    }

    /** Whether the lock-free table is in use (false only if libphonenumber's data format changed). */
    boolean usesTable() {
        return table != null;
    }

    private static Map<String, String> ianaIds() {
        Map<String, String> ids = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            ids.put(id.toLowerCase(Locale.ROOT), id);
        }
        return Map.copyOf(ids);
    }
}
