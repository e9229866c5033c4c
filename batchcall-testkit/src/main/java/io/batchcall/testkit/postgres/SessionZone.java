package io.batchcall.testkit.postgres;

import java.time.ZoneId;

/** Picks a deliberately awkward database session zone that is not the JVM's. */
final class SessionZone {

    static final ZoneId PREFERRED = ZoneId.of("Pacific/Chatham");
    static final ZoneId ALTERNATIVE = ZoneId.of("Asia/Kathmandu");

    private SessionZone() {
    }

    /**
     * {@code Pacific/Chatham} (UTC+12:45, +13:45 in summer), or {@code Asia/Kathmandu}
     * (UTC+05:45) when {@code jvmZone} follows Chatham's rules.
     */
    static ZoneId differentFrom(ZoneId jvmZone) {
        return jvmZone.getRules().equals(PREFERRED.getRules()) ? ALTERNATIVE : PREFERRED;
    }
}
