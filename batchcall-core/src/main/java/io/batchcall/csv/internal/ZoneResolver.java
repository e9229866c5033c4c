package io.batchcall.csv.internal;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import io.batchcall.model.ZoneKey;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recipient's zone key ({@link ZoneKey}): from a {@code timezone} cell, which must be an IANA
 * zone id (any case), or else from libphonenumber's {@link PhoneNumberToTimeZonesMapper}; a number
 * the mapper does not know gets {@code ""}. Thread-safe; caches are bounded by the mapper's data.
 */
public final class ZoneResolver {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Map<String, String> IANA_BY_LOWER_CASE = ianaIds();

    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
    private final Map<Integer, List<String>> countryLevel = new ConcurrentHashMap<>();
    private final Map<List<String>, String> keys = new ConcurrentHashMap<>();

    /** The canonical IANA id for a {@code timezone} cell, or null if it is not one. */
    public static String zoneFromCell(String text) {
        return IANA_BY_LOWER_CASE.get(text.toLowerCase(Locale.ROOT));
    }

    /**
     * The zone key of a valid number of the given type. Equivalent to
     * {@code mapper.getTimeZonesForNumber(number)}, without classifying the number a second time:
     * a non-geographical number (a mobile, say) gets its country's zones, looked up once per
     * country.
     */
    public String zoneForNumber(Phonenumber.PhoneNumber number, PhoneNumberType type) {
        List<String> zones;
        if (UTIL.isNumberGeographical(type, number.getCountryCode())) {
            zones = mapper.getTimeZonesForGeographicalNumber(number);
        } else {
            zones = countryLevel.computeIfAbsent(number.getCountryCode(), cc -> mapper.getTimeZonesForNumber(number));
        }
        return keys.computeIfAbsent(zones, ZoneResolver::key);
    }

    private static String key(List<String> ids) {
        List<ZoneId> zones = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (!id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                try {
                    zones.add(ZoneId.of(id));
                } catch (DateTimeException e) {
                    // an id newer than this JDK's time-zone data: leave it out
                }
            }
        }
        return ZoneKey.of(zones);
    }

    private static Map<String, String> ianaIds() {
        Map<String, String> ids = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            ids.put(id.toLowerCase(Locale.ROOT), id);
        }
        return Map.copyOf(ids);
    }
}
