package io.batchcall.csv;

import io.batchcall.csv.internal.ZoneResolver;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.ZoneKey;
import java.time.ZoneId;
import java.util.List;

/**
 * The time zones of a phone number, resolved exactly as a CSV import resolves them when the file
 * has no {@code timezone} column: a geographical number by its longest known prefix
 * (libphonenumber's time-zone data), any other by its country. A number whose country has several
 * zones (a US mobile, say) gets all of them, so its calls wait until the window is open in every
 * one. Thread-safe.
 */
public final class NumberZones {
    private static final ZoneResolver RESOLVER = new ZoneResolver();

    private NumberZones() {
    }

    /**
     * The number's zone key ({@link ZoneKey}); empty when libphonenumber knows no zone for it.
     *
     * @param number the number; not null
     * @return the zone key, possibly empty
     */
    public static String keyOf(PhoneNumber number) {
        return RESOLVER.zoneForE164(number.e164());
    }

    /**
     * The number's zones; empty when unknown.
     *
     * @param number the number; not null
     * @return the zones, possibly empty
     */
    public static List<ZoneId> of(PhoneNumber number) {
        return ZoneKey.zones(keyOf(number));
    }
}
