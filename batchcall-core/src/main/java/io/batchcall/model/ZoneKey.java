package io.batchcall.model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The set of time zones a recipient may be in, as one string: IANA ids sorted and joined by
 * {@code ,}. Empty when unknown. Used to evaluate calling hours per recipient: a recipient with
 * several zones is called only while the window is open in all of them.
 */
public final class ZoneKey {
    private ZoneKey() {
    }

    /**
     * The key of a set of zones.
     *
     * @param zones the zones; duplicates are ignored
     * @return the ids sorted and joined by {@code ,}; empty for no zones
     */
    public static String of(Collection<ZoneId> zones) {
        TreeSet<String> ids = new TreeSet<>();
        for (ZoneId z : zones) {
            ids.add(z.getId());
        }
        return String.join(",", ids);
    }

    /**
     * The zones a key names (empty for the empty key).
     *
     * @param key a key from {@link #of}; null or empty for none
     * @return the zones in key order
     */
    public static List<ZoneId> zones(String key) {
        List<ZoneId> zones = new ArrayList<>();
        if (key == null || key.isEmpty()) {
            return zones;
        }
        for (String id : key.split(",")) {
            zones.add(ZoneId.of(id));
        }
        return zones;
    }
}
