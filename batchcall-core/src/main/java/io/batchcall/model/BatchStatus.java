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
    /** Being edited; recipients may be added; nothing is dialed. */
    DRAFT,
    /** Sent with a future start; waits for its start instant. */
    SCHEDULED,
    /** Dialing its recipients, within its call window. */
    RUNNING,
    /** Stopped by the user or the engine (see {@link PauseReason}); resumable. */
    PAUSED,
    /** Every recipient reached a terminal status, or the deadline or end condition was met. */
    COMPLETED,
    /** Cancelled by the user; remaining recipients were skipped. */
    CANCELLED,
    /** Stopped by an error the engine could not recover from. */
    FAILED,
    /** The parent of a recurring series: it starts one run per occurrence and is never dialed itself. */
    RECURRING;

    private static final Map<BatchStatus, Set<BatchStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SCHEDULED, RUNNING, RECURRING, CANCELLED),
            SCHEDULED, EnumSet.of(RUNNING, CANCELLED),
            RUNNING, EnumSet.of(PAUSED, COMPLETED, CANCELLED, FAILED),
            PAUSED, EnumSet.of(RUNNING, RECURRING, COMPLETED, CANCELLED, FAILED),
            COMPLETED, EnumSet.of(RUNNING),
            CANCELLED, EnumSet.of(RUNNING),
            FAILED, EnumSet.of(RUNNING),
            RECURRING, EnumSet.of(PAUSED, COMPLETED, CANCELLED));

    /**
     * The lower-case name used in JSON, SQL and events.
     *
     * @return for example {@code running}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}; the match is exact (lower case).
     *
     * @param name a wire name such as {@code paused}
     * @return the status with that wire name
     * @throws IllegalArgumentException naming the value and the accepted names when it matches none
     *     (including null)
     */
    public static BatchStatus fromWireName(String name) {
        for (BatchStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown batch status '" + name + "'; expected one of draft, scheduled, "
                + "running, paused, completed, cancelled, failed, recurring");
    }

    /**
     * Whether {@code this → next} is a legal transition (see the class comment).
     *
     * @param next the wanted status; not null
     * @return true when legal
     */
    public boolean canBecome(BatchStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * True for completed, cancelled and failed: nothing happens until a re-run.
     *
     * @return true for those three statuses
     */
    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    /**
     * Throws unless {@code this → next} is a legal transition.
     *
     * @param id the batch, named in the message
     * @param next the wanted status
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
