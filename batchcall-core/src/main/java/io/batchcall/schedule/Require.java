package io.batchcall.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/** Argument checks shared by the schedule values; every failure is an {@link IllegalArgumentException}. */
final class Require {

    private Require() {
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static void endNotBeforeAnchor(EndCondition end, Instant anchor) {
        if (end instanceof EndCondition.Until until && until.until().isBefore(anchor)) {
            throw new IllegalArgumentException("recurrence until must not be before the anchor " + anchor
                    + ", but was " + until.until());
        }
    }

    static ZoneId zone(String id) {
        notNull(id, "time zone id");
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "'", e);
        }
    }
}
