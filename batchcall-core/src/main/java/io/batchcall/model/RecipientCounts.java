package io.batchcall.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many recipients of a batch are in each status, derived from the recipient rows.
 * "failed" in {@link #failed()} counts failed, busy and no_answer together, as users expect.
 */
public final class RecipientCounts {
    private final EnumMap<RecipientStatus, Long> byStatus;

    /**
     * Copies the given counts; statuses missing from the map count zero.
     *
     * @param byStatus recipients per status; not null, values not null
     */
    public RecipientCounts(Map<RecipientStatus, Long> byStatus) {
        this.byStatus = new EnumMap<>(RecipientStatus.class);
        for (RecipientStatus s : RecipientStatus.values()) {
            this.byStatus.put(s, byStatus.getOrDefault(s, 0L));
        }
    }

    /**
     * Counts with every status at zero.
     *
     * @return zero counts
     */
    public static RecipientCounts empty() {
        return new RecipientCounts(Map.of());
    }

    /**
     * The count for one status.
     *
     * @param status the status; not null
     * @return how many recipients are in it, zero or more
     */
    public long of(RecipientStatus status) {
        return byStatus.get(status);
    }

    /**
     * All recipients of the batch.
     *
     * @return the sum over every status
     */
    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Recipients waiting to be dialed.
     *
     * @return the pending count
     */
    public long pending() {
        return of(RecipientStatus.PENDING);
    }

    /**
     * Recipients whose call was answered and ended normally.
     *
     * @return the completed count
     */
    public long completed() {
        return of(RecipientStatus.COMPLETED);
    }

    /**
     * failed + busy + no_answer, as users count failures.
     *
     * @return the sum of those three counts
     */
    public long failed() {
        return of(RecipientStatus.FAILED) + of(RecipientStatus.BUSY) + of(RecipientStatus.NO_ANSWER);
    }

    /**
     * Recipients never dialed (cancel, dial guard, deadline).
     *
     * @return the skipped count
     */
    public long skipped() {
        return of(RecipientStatus.SKIPPED);
    }

    /**
     * calling + initiated + ringing + in_progress: recipients holding a concurrency slot.
     *
     * @return the sum of those four counts
     */
    public long inFlight() {
        return of(RecipientStatus.CALLING) + of(RecipientStatus.INITIATED) + of(RecipientStatus.RINGING)
                + of(RecipientStatus.IN_PROGRESS);
    }

    /**
     * Every count, keyed by status.
     *
     * @return an unmodifiable view with an entry for every status
     */
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
