package io.batchcall.csv.internal;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;
import io.batchcall.model.ZoneKey;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * libphonenumber's number-to-time-zones data (the geocoder artifact's {@code timezones/data/map_data},
 * some 3,300 prefixes) as a sorted table with each entry's {@link ZoneKey} worked out once, looked
 * up by longest matching prefix as {@code PhonePrefixMap} does. Exists because the mapper's own
 * lookup calls the {@code synchronized} {@code PhoneNumberUtil.getInstance()} for every number,
 * which serialises validation threads; and because it saves building and hashing a list of zone
 * names per row. {@link #load()} returns null if the data cannot be read this way (a changed
 * format), and the caller then uses the mapper. A property test checks it against the mapper.
 * Immutable and thread-safe.
 */
final class TimeZonePrefixTable {
    private static final String DATA = "/com/google/i18n/phonenumbers/timezones/data/map_data";
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final long[] prefixes;
    private final String[] keys;
    private final int[] lengths;

    private TimeZonePrefixTable(long[] prefixes, String[] keys, int[] lengths) {
        this.prefixes = prefixes;
        this.keys = keys;
        this.lengths = lengths;
    }

    /** The table, or null if libphonenumber's data cannot be read as expected. */
    static TimeZonePrefixTable load() {
        try (InputStream in = PhoneNumberToTimeZonesMapper.class.getResourceAsStream(DATA)) {
            if (in == null) {
                return null;
            }
            PrefixTimeZonesMap map = new PrefixTimeZonesMap();
            map.readExternal(new ObjectInputStream(in));
            return parse(map.toString()); // one "prefix|zone&zone" line per entry
        } catch (Exception e) {
            return null;
        }
    }

    private static TimeZonePrefixTable parse(String entries) {
        TreeMap<Long, String> byPrefix = new TreeMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        Map<String, String> keyOfZones = new HashMap<>();
        for (String line : entries.split("\n")) {
            int bar = line.indexOf('|');
            if (bar <= 0) {
                return null;
            }
            String prefix = line.substring(0, bar);
            byPrefix.put(Long.parseLong(prefix), keyOfZones.computeIfAbsent(line.substring(bar + 1),
                    TimeZonePrefixTable::key));
            lengths.add(prefix.length());
        }
        if (byPrefix.isEmpty()) {
            return null;
        }
        long[] prefixes = byPrefix.keySet().stream().mapToLong(Long::longValue).toArray();
        String[] keys = byPrefix.values().toArray(new String[0]);
        return new TimeZonePrefixTable(prefixes, keys,
                lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray());
    }

    /** The zone key of a list of ids joined by {@code &}, leaving out the unknown zone and ids this JDK lacks. */
    static String key(String ids) {
        List<ZoneId> zones = new ArrayList<>();
        for (String id : ids.split("&")) {
            if (!id.isEmpty() && !id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                try {
                    zones.add(ZoneId.of(id));
                } catch (DateTimeException e) {
                    // an id newer than this JDK's time-zone data: leave it out
                }
            }
        }
        return ZoneKey.of(zones);
    }

    /**
     * The zone key for the longest prefix of {@code number} in the table ({@code ""} when none
     * matches: unknown).
     *
     * @param number country code and national significant number as one number, or a country code
     */
    String lookup(long number) {
        int digits = digits(number);
        for (int length : lengths) {
            long prefix = digits > length ? number / POWERS_OF_TEN[digits - length] : number;
            int i = java.util.Arrays.binarySearch(prefixes, prefix);
            if (i >= 0) {
                return keys[i];
            }
        }
        return "";
    }

    private static int digits(long number) {
        int n = 1;
        while (n < POWERS_OF_TEN.length && number >= POWERS_OF_TEN[n]) {
            n++;
        }
        return n;
    }
}
