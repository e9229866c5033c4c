package io.batchcall.rules;

import io.batchcall.DispositionConflictException;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.RecipientStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the host reports about a call, decided once: its disposition, and a call back that queues
 * the recipient again. Pure; a store loads the attempt, asks, and writes the change only if the
 * attempt is still as loaded (for a disposition: still without one).
 */
public final class OutcomeRules {
    /** The status of the event that reports a recorded disposition (its detail is the code). */
    public static final String DISPOSITION_EVENT = "disposition";

    private OutcomeRules() {
    }

    /**
     * Checks that a batch allows the reported code.
     *
     * @param allowed the batch's allowed codes
     * @param d the reported disposition
     * @throws IllegalArgumentException naming the code and the allowed ones when it is not among them
     */
    public static void checkAllowed(List<DispositionCode> allowed, Disposition d) {
        for (DispositionCode c : allowed) {
            if (c.code().equals(d.code())) {
                return;
            }
        }
        throw new IllegalArgumentException("disposition code '" + d.code() + "' is not one of the batch's codes "
                + allowed.stream().map(DispositionCode::code).collect(Collectors.joining(", ", "[", "]")));
    }

    /**
     * Records a disposition on an attempt that was placed (its status is initiated or later and it
     * has a {@code placedAt}), once: the attempt gets {@code d} stamped {@code at}, and the event
     * is {@value #DISPOSITION_EVENT} with the code as detail. The same code and data again changes
     * nothing (empty); a different one is refused.
     *
     * @param a the attempt as loaded
     * @param d the reported disposition
     * @param at when it was reported
     * @return the change to store, or empty when the same disposition is already recorded
     * @throws DispositionConflictException naming both codes when another one is recorded
     * @throws IllegalStateTransitionException if the attempt was never placed
     */
    public static Optional<AttemptChange> disposition(CallAttempt a, Disposition d, Instant at) {
        Objects.requireNonNull(d, "disposition must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (a.disposition() != null) {
            if (a.disposition().sameAs(d)) {
                return Optional.empty();
            }
            throw new DispositionConflictException("attempt " + a.id() + " already has disposition '"
                    + a.disposition().code() + "'" + (a.disposition().code().equals(d.code()) ? " with other data" : "")
                    + "; refusing disposition '" + d.code() + "'");
        }
        if (a.placedAt() == null || a.status() == RecipientStatus.CALLING) {
            throw new IllegalStateTransitionException("attempt " + a.id() + " is " + a.status().wireName()
                    + " and was never placed; a disposition needs a placed call");
        }
        Instant t = AttemptRules.later(a.lastEventAt(), at);
        return Optional.of(new AttemptChange(a, a.withDisposition(d.recordedAt(at)), null, DISPOSITION_EVENT,
                d.code(), t));
    }

    /**
     * Queues the recipient of its latest attempt {@code a} for a dial at {@code notBefore} (a call
     * back, or a retry a disposition asked for): the recipient becomes pending, due then, reason
     * cleared, attempts kept, only while {@code a} is still its latest attempt and it is still
     * {@code recipientStatus}; the event is pending with {@code detail}. A recipient that is pending
     * (after a retry) just gets the new time.
     *
     * @param a the recipient's latest attempt, ended (a placed call; never a skipped claim)
     * @param recipientStatus the recipient's status as loaded: pending, completed, failed, busy or no_answer
     * @param notBefore when to dial
     * @param detail the event's detail, e.g. {@code callback}
     * @param at when it was asked
     * @return the change to store (a recipient move only), or empty when the attempt has not ended yet
     * @throws IllegalStateTransitionException if the recipient is skipped or in flight, or the
     *     attempt was never placed
     */
    public static Optional<AttemptChange> requeue(CallAttempt a, RecipientStatus recipientStatus, Instant notBefore,
            String detail, Instant at) {
        Objects.requireNonNull(notBefore, "notBefore must not be null");
        Objects.requireNonNull(recipientStatus, "recipientStatus must not be null");
        if (recipientStatus == RecipientStatus.SKIPPED || recipientStatus.isActive()) {
            throw new IllegalStateTransitionException("recipient " + a.recipientId() + " is "
                    + recipientStatus.wireName() + "; only a pending, completed, failed, busy or no_answer recipient "
                    + "can be called back");
        }
        if (!a.status().isTerminal()) {
            return Optional.empty();
        }
        if (a.placedAt() == null) {
            throw new IllegalStateTransitionException("attempt " + a.id() + " of recipient " + a.recipientId()
                    + " was never placed (" + a.status().wireName() + "); it cannot be called back");
        }
        Instant t = AttemptRules.later(a.lastEventAt(), at);
        return Optional.of(new AttemptChange(a, a, new RecipientChange(RecipientStatus.PENDING, null, notBefore, 0,
                recipientStatus), RecipientStatus.PENDING.wireName(), detail, t));
    }
}
