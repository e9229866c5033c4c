package io.batchcall.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many recipients of a batch are in each status, derived from the recipient rows.
 * "failed" in {@link #failed()} counts failed, busy and no_answer together, as users expect.
 */
public final class RecipientCounts {
    private final EnumMap<RecipientStatus, Long> byStatus;

    public RecipientCounts(Map<RecipientStatus, Long> byStatus) {
        this.byStatus = new EnumMap<>(RecipientStatus.class);
        for (RecipientStatus s : RecipientStatus.values()) {
            this.byStatus.put(s, byStatus.getOrDefault(s, 0L));
        }
    }

    public static RecipientCounts empty() {
        return new RecipientCounts(Map.of());
    }

    public long of(RecipientStatus status) {
        return byStatus.get(status);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long pending() {
        return of(RecipientStatus.PENDING);
    }

    public long completed() {
        return of(RecipientStatus.COMPLETED);
    }

    /** failed + busy + no_answer. */
    public long failed() {
        return of(RecipientStatus.FAILED) + of(RecipientStatus.BUSY) + of(RecipientStatus.NO_ANSWER);
    }

    public long skipped() {
        return of(RecipientStatus.SKIPPED);
    }

    /** calling + initiated + ringing + in_progress. */
    public long inFlight() {
        return of(RecipientStatus.CALLING) + of(RecipientStatus.INITIATED) + of(RecipientStatus.RINGING)
                + of(RecipientStatus.IN_PROGRESS);
    }

    public Map<RecipientStatus, Long> asMap() {
        return java.util.Collections.unmodifiableMap(byStatus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientCounts other && byStatus.equals(other.byStatus);
    }

    @Override
    public int hashCode() {
        return byStatus.hashCode();
    }

    @Override
    public String toString() {
        return "RecipientCounts" + byStatus;
    }
}
