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
    PENDING(0), CALLING(1), INITIATED(2), RINGING(3), IN_PROGRESS(4),
    COMPLETED(5), FAILED(5), BUSY(5), NO_ANSWER(5), SKIPPED(5);

    private final int rank;

    RecipientStatus(int rank) {
        this.rank = rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecipientStatus fromWireName(String name) {
        for (RecipientStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown recipient status '" + name + "'; expected one of pending, "
                + "calling, initiated, ringing, in_progress, completed, failed, busy, no_answer, skipped");
    }

    /** calling, initiated, ringing, in_progress: the recipient holds a concurrency slot. */
    public boolean isActive() {
        return rank >= 1 && rank <= 4;
    }

    /** completed, failed, busy, no_answer, skipped. */
    public boolean isTerminal() {
        return rank == 5;
    }

    /** failed, busy, no_answer: counted as failed in batch totals. */
    public boolean isFailure() {
        return this == FAILED || this == BUSY || this == NO_ANSWER;
    }

    /** Statuses a carrier may report for a placed call. */
    public boolean isCarrierStatus() {
        return rank >= 2 && this != SKIPPED;
    }

    /**
     * Whether a carrier event reporting {@code next} moves a call now in {@code this} forward.
     * False for duplicates, regressions, anything after a terminal status, and for statuses a
     * carrier does not report (pending, calling, skipped).
     */
    public boolean advancesTo(RecipientStatus next) {
        return !isTerminal() && next.isCarrierStatus() && next.rank > rank && rank >= 1;
    }

    /** The full transition table, carrier events and engine moves together. */
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

    /** @throws IllegalStateTransitionException naming the recipient and both statuses */
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
