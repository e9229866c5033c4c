package io.batchcall.model;

import io.batchcall.IllegalStateTransitionException;
import java.util.Locale;

/**
 * The status of one recipient, as users know it; {@link #wireName()} is the lower-case form
 * ({@code in_progress}, {@code no_answer}).
 *
 * <p>A call moves forward only: pending → calling (claimed by an engine) → initiated (the carrier
 * accepted it) → ringing → in_progress → completed, and any in-flight state may end in failed, busy
 * or no_answer. Carrier events are applied with {@link #advancesTo}: an event whose status is not
 * strictly later than the current one (a late {@code ringing}, a duplicate) is ignored, and a
 * terminal status is final for that attempt. Besides carrier events the engine may: skip a pending
 * recipient (cancel, dial guard, deadline), return a claimed one to pending (not dialed), and
 * requeue a finished one (retry or re-run) — see {@link #canBecome}.
 */
public enum RecipientStatus {
    /** Waiting to be dialed (first time, or again after a retry or re-run). */
    PENDING(0),
    /** Claimed by an engine, which is about to place the call; holds a concurrency slot. */
    CALLING(1),
    /** The carrier accepted the call request. */
    INITIATED(2),
    /** The recipient's phone is ringing. */
    RINGING(3),
    /** The recipient answered and the call is under way. */
    IN_PROGRESS(4),
    /** The call was answered and ended normally. Terminal. */
    COMPLETED(5),
    /** The carrier reported the call failed, or it could not be placed. Terminal; counts as a failure. */
    FAILED(5),
    /** The line was busy. Terminal; counts as a failure. */
    BUSY(5),
    /** Nobody answered within the batch's ring timeout. Terminal; counts as a failure. */
    NO_ANSWER(5),
    /** Never dialed: the batch was cancelled, a dial guard refused, or the deadline passed. Terminal. */
    SKIPPED(5);

    private final int rank;

    RecipientStatus(int rank) {
        this.rank = rank;
    }

    /**
     * The lower-case name used in JSON, SQL and events.
     *
     * @return for example {@code in_progress} or {@code no_answer}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}; the match is exact (lower case).
     *
     * @param name a wire name such as {@code no_answer}
     * @return the status with that wire name
     * @throws IllegalArgumentException naming the value and the accepted names when it matches none
     *     (including null)
     */
    public static RecipientStatus fromWireName(String name) {
        for (RecipientStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown recipient status '" + name + "'; expected one of pending, "
                + "calling, initiated, ringing, in_progress, completed, failed, busy, no_answer, skipped");
    }

    /**
     * calling, initiated, ringing, in_progress: the recipient holds a concurrency slot.
     *
     * @return true for those four statuses
     */
    public boolean isActive() {
        return rank >= 1 && rank <= 4;
    }

    /**
     * completed, failed, busy, no_answer, skipped: the attempt is over.
     *
     * @return true for those five statuses
     */
    public boolean isTerminal() {
        return rank == 5;
    }

    /**
     * failed, busy, no_answer: counted as failed in batch totals.
     *
     * @return true for those three statuses
     */
    public boolean isFailure() {
        return this == FAILED || this == BUSY || this == NO_ANSWER;
    }

    /**
     * Statuses a carrier may report for a placed call: initiated, ringing, in_progress and the
     * terminal outcomes other than skipped.
     *
     * @return true when a carrier event may carry this status
     */
    public boolean isCarrierStatus() {
        return rank >= 2 && this != SKIPPED;
    }

    /**
     * Whether a carrier event reporting {@code next} moves a call now in {@code this} forward.
     * False for duplicates, regressions, anything after a terminal status, and for statuses a
     * carrier does not report (pending, calling, skipped).
     *
     * @param next the status reported by the carrier; not null
     * @return true when the event should be applied
     */
    public boolean advancesTo(RecipientStatus next) {
        return !isTerminal() && next.isCarrierStatus() && next.rank > rank && rank >= 1;
    }

    /**
     * The full transition table, carrier events and engine moves together.
     *
     * @param next the wanted status; not null
     * @return true when {@code this → next} is legal
     */
    public boolean canBecome(RecipientStatus next) {
        if (this == PENDING) {
            return next == CALLING || next == SKIPPED;
        }
        if (this == CALLING && (next == PENDING || next == SKIPPED || next == FAILED)) {
            return true; // not dialed: released, refused by the guard, rejected by the carrier
        }
        if (isTerminal()) {
            return next == PENDING; // retry or re-run
        }
        return advancesTo(next);
    }

    /**
     * Throws unless {@code this → next} is legal per {@link #canBecome}.
     *
     * @param id the recipient, named in the message
     * @param next the wanted status
     * @throws IllegalStateTransitionException naming the recipient and both statuses
     */
    public void checkTransition(RecipientId id, RecipientStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateTransitionException("recipient " + id + " cannot go from " + wireName() + " to "
                    + next.wireName());
        }
    }

    @Override
    public String toString() {
        return wireName();
    }
}
