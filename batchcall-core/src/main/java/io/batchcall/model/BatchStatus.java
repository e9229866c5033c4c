package io.batchcall.model;

import io.batchcall.IllegalStateTransitionException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The status of a batch, as users know it. {@link #wireName()} is the lower-case name used in
 * JSON, SQL and events ({@code in_progress} style).
 *
 * <p>Transitions (see DESIGN.md): draft → scheduled | running | recurring | cancelled;
 * scheduled → running | cancelled; running → paused | completed | cancelled | failed;
 * paused → running | cancelled | completed | failed; completed | cancelled | failed → running (re-run);
 * recurring → paused | completed | cancelled (a series parent). A paused batch may complete when
 * nothing is left to call (for example after its deadline passed while paused).
 */
public enum BatchStatus {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED, FAILED, RECURRING;

    private static final Map<BatchStatus, Set<BatchStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SCHEDULED, RUNNING, RECURRING, CANCELLED),
            SCHEDULED, EnumSet.of(RUNNING, CANCELLED),
            RUNNING, EnumSet.of(PAUSED, COMPLETED, CANCELLED, FAILED),
            PAUSED, EnumSet.of(RUNNING, RECURRING, COMPLETED, CANCELLED, FAILED),
            COMPLETED, EnumSet.of(RUNNING),
            CANCELLED, EnumSet.of(RUNNING),
            FAILED, EnumSet.of(RUNNING),
            RECURRING, EnumSet.of(PAUSED, COMPLETED, CANCELLED));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BatchStatus fromWireName(String name) {
        for (BatchStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown batch status '" + name + "'; expected one of draft, scheduled, "
                + "running, paused, completed, cancelled, failed, recurring");
    }

    public boolean canBecome(BatchStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** True for completed, cancelled and failed: nothing happens until a re-run. */
    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    /**
     * Throws unless {@code this → next} is a legal transition.
     *
     * @throws IllegalStateTransitionException naming the batch, both statuses
     */
    public void checkTransition(BatchId id, BatchStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateTransitionException("batch " + id + " cannot go from " + wireName() + " to "
                    + next.wireName());
        }
    }

    @Override
    public String toString() {
        return wireName();
    }
}
