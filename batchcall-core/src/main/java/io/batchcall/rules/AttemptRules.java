package io.batchcall.rules;

import io.batchcall.model.AnsweredBy;
import io.batchcall.model.AttemptId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every transition of a call attempt after its claim, decided once: from the attempt as loaded
 * and the request, the change to write (see {@link AttemptChange}), or empty when the request
 * does not apply (a duplicate, a stale status, a claim already given back). Pure and total.
 *
 * <p>Times only move forward within an attempt: an event is stamped with the later of the given
 * time and the attempt's previous event, so a carrier clock behind the engine's never orders an
 * attempt's events backwards.
 */
public final class AttemptRules {
    /** The status of the event that reports an answering-machine result alone. */
    public static final String ANSWERED_BY_EVENT = "answered_by";

    private AttemptRules() {
    }

    /**
     * A claim of a pending recipient: the recipient becomes calling (reason cleared, one attempt
     * more, this attempt its latest) and gets a new attempt with the store's fresh {@code id}
     * (number = the recipient's attempts after the increment, status calling, owner and lease from
     * the request, claimed and last heard of now). Which recipients are claimed, and how many, is
     * {@link io.batchcall.model.ConcurrencyPolicy#freeSlots}'s decision, applied by the store.
     *
     * @param pending the recipient to claim; must be pending
     * @param id the store-assigned id of the new attempt
     * @param request the claim's owner, lease and instant
     * @return the recipient's and the attempt's new state
     * @throws IllegalArgumentException if the recipient is not pending
     */
    public static Claim claim(Recipient pending, AttemptId id, ClaimRequest request) {
        pending.status().checkTransition(pending.id(), RecipientStatus.CALLING);
        int number = pending.attempts() + 1;
        Recipient calling = new Recipient(pending.id(), pending.batchId(), pending.phone(), pending.name(),
                pending.variables(), pending.zoneKey(), RecipientStatus.CALLING, number, pending.notBefore(), null, id);
        CallAttempt attempt = new CallAttempt(id, pending.id(), pending.batchId(), request.account(), number,
                pending.phone(), null, RecipientStatus.CALLING, request.owner(), request.now(), request.leaseUntil(),
                null, request.now(), null, null, null, null);
        return new Claim(calling, attempt);
    }

    /**
     * A status reported by the carrier, applied monotonically ({@link RecipientStatus#advancesTo}):
     * a duplicate, a regression, anything after a terminal status or after the claim was given back
     * is ignored, and so is an update naming a different provider call id than the one recorded.
     * An applied update adopts the call id if none was recorded, sets {@code placedAt} if unset and
     * {@code lastEventAt}; a terminal one also sets {@code endedAt}, the talk time (zero when the
     * carrier gave none) and the carrier's reason, which makes the attempt's settlement due
     * ({@link CallAttempt#settlementDue()}). The recipient follows with the status (and, when
     * terminal, the reason; otherwise its reason is cleared).
     *
     * <p>Who answered ({@link CarrierUpdate#answeredBy()}) is recorded as
     * {@link io.batchcall.model.AnsweredBy#replaces} decides (the first known value is kept), with
     * the status or, when the status does not apply (the result came after {@code in_progress} or
     * after the call ended), alone, on any attempt that was placed: then nothing else changes and
     * the event is {@code answered_by} with the value as detail.
     *
     * @param a the attempt as loaded
     * @param u the carrier's update
     * @return the change to store, or empty when the update is ignored
     */
    public static Optional<AttemptChange> carrierStatus(CallAttempt a, CarrierUpdate u) {
        Objects.requireNonNull(u, "update must not be null");
        if (conflicts(a, u.providerCallId())) {
            return Optional.empty();
        }
        boolean advances = a.status().advancesTo(u.status());
        boolean answers = AnsweredBy.replaces(a.answeredBy(), u.answeredBy()) && (advances || a.placedAt() != null);
        if (!advances && !answers) {
            return Optional.empty();
        }
        Instant at = later(a.lastEventAt(), u.at());
        if (!advances) {
            CallAttempt after = a.withAnsweredBy(u.answeredBy());
            if (a.providerCallId() == null && u.providerCallId() != null) {
                after = carry(after, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(),
                        a.to(), u.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(),
                        a.placedAt(), a.lastEventAt(), a.endedAt(), a.talkTime(), a.cost(), a.reason()));
            }
            return Optional.of(new AttemptChange(a, after, null, ANSWERED_BY_EVENT, u.answeredBy().wireName(), at));
        }
        boolean end = u.status().isTerminal();
        CallAttempt after = carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId() != null ? a.providerCallId() : u.providerCallId(), u.status(), a.owner(),
                a.claimedAt(), a.leaseUntil(), a.placedAt() != null ? a.placedAt() : at, at, end ? at : null,
                end ? u.talkTimeOrZero() : null, a.cost(), end ? u.reason() : a.reason()));
        if (answers) {
            after = after.withAnsweredBy(u.answeredBy());
        }
        return Optional.of(new AttemptChange(a, after, RecipientChange.follow(u.status(), end ? u.reason() : null),
                u.status().wireName(), u.reason(), at));
    }

    /**
     * Whether {@code providerCallId} contradicts the call id already recorded on the attempt.
     *
     * @param a the attempt
     * @param providerCallId the call id reported; may be null
     * @return true when both ids are known and differ
     */
    public static boolean conflicts(CallAttempt a, String providerCallId) {
        return a.providerCallId() != null && providerCallId != null && !a.providerCallId().equals(providerCallId);
    }

    /**
     * The carrier accepted the call. From {@code calling}: initiated, with the call id,
     * {@code placedAt} and {@code lastEventAt}; the recipient follows; one event. If a carrier
     * update overtook the dialer (the attempt is past calling and has a {@code placedAt}), the
     * call id is adopted when none was recorded and nothing else changes.
     *
     * @param a the attempt as loaded
     * @param providerCallId the carrier's call id
     * @param at when the carrier accepted the call
     * @return whether the claim still stands, and the change to store
     */
    public static Placement placed(CallAttempt a, String providerCallId, Instant at) {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (a.status() == RecipientStatus.CALLING) {
            Instant t = later(a.lastEventAt(), at);
            CallAttempt after = carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                    providerCallId, RecipientStatus.INITIATED, a.owner(), a.claimedAt(), a.leaseUntil(), t, t,
                    a.endedAt(), a.talkTime(), a.cost(), a.reason()));
            return new Placement(true, Optional.of(new AttemptChange(a, after,
                    RecipientChange.follow(RecipientStatus.INITIATED, null), RecipientStatus.INITIATED.wireName(), null,
                    t)));
        }
        if (a.placedAt() == null || conflicts(a, providerCallId)) {
            return new Placement(false, Optional.empty()); // given back undialed, or another call
        }
        if (a.providerCallId() != null) {
            return new Placement(true, Optional.empty());
        }
        CallAttempt after = carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                providerCallId, a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), a.lastEventAt(),
                a.endedAt(), a.talkTime(), a.cost(), a.reason()));
        return new Placement(true, Optional.of(new AttemptChange(a, after, null, null, null, null)));
    }

    /**
     * Gives back a claim that was not dialed: the attempt (still calling) becomes skipped with the
     * reason and does not count as a dial; the recipient returns to pending, due at
     * {@code notBefore}, with one attempt fewer. The event reports pending with the reason.
     *
     * @param a the attempt as loaded
     * @param notBefore when the recipient may be dialed again
     * @param reason why it was not dialed
     * @param at when the claim was given back
     * @return the change to store, or empty if the attempt is no longer calling
     */
    public static Optional<AttemptChange> release(CallAttempt a, Instant notBefore, String reason, Instant at) {
        Objects.requireNonNull(notBefore, "notBefore must not be null");
        if (a.status() != RecipientStatus.CALLING) {
            return Optional.empty();
        }
        Instant t = later(a.lastEventAt(), at);
        return Optional.of(new AttemptChange(a, ended(a, RecipientStatus.SKIPPED, reason, t),
                new RecipientChange(RecipientStatus.PENDING, null, notBefore, -1, null),
                RecipientStatus.PENDING.wireName(), reason, t));
    }

    /**
     * Ends a claim that will not be dialed (refused by the dial guard, rejected by the carrier):
     * the attempt (still calling) and the recipient become {@code outcome} with the reason; the
     * attempt still counts as a dial of the run. Nothing was placed, so nothing is settled.
     *
     * @param a the attempt as loaded
     * @param outcome skipped or failed
     * @param reason why it was not dialed
     * @param at when it ended
     * @return the change to store, or empty if the attempt is no longer calling
     * @throws IllegalArgumentException if {@code outcome} is not skipped or failed
     */
    public static Optional<AttemptChange> finishUndialed(CallAttempt a, RecipientStatus outcome, String reason,
            Instant at) {
        if (outcome != RecipientStatus.SKIPPED && outcome != RecipientStatus.FAILED) {
            throw new IllegalArgumentException("an undialed claim ends skipped or failed, but the outcome was "
                    + outcome.wireName());
        }
        if (a.status() != RecipientStatus.CALLING) {
            return Optional.empty();
        }
        Instant t = later(a.lastEventAt(), at);
        return Optional.of(new AttemptChange(a, ended(a, outcome, reason, t), RecipientChange.follow(outcome, reason),
                outcome.wireName(), reason, t));
    }

    /**
     * Settles an ended call: records what was charged and, when {@code retryAt} is given (for a
     * failed, busy or unanswered attempt, or a completed one whose outcome is retried: a machine
     * answer, a disposition; see {@link RetryRules}), queues the recipient for another dial at that time —
     * in one change, so money and state agree. Applies only while the settlement is due; a second
     * settlement of the same attempt changes nothing. The recipient is requeued only while this is
     * still its latest attempt and it is still in the attempt's status; the event reports pending.
     *
     * @param a the ended attempt as loaded
     * @param charged what the ledger captured
     * @param retryAt when to dial the recipient again, or null for no retry
     * @param at when it was settled
     * @return the change to store, or empty if its settlement is not due
     * @throws IllegalArgumentException if {@code retryAt} is given for an attempt that neither failed
     *     nor completed
     */
    public static Optional<AttemptChange> settle(CallAttempt a, Money charged, Instant retryAt, Instant at) {
        Objects.requireNonNull(charged, "charged must not be null");
        if (retryAt != null && !a.status().isFailure() && a.status() != RecipientStatus.COMPLETED) {
            throw new IllegalArgumentException("only a failed, busy, unanswered or completed attempt is retried, but "
                    + "attempt " + a.id() + " is " + a.status().wireName());
        }
        if (!a.settlementDue()) {
            return Optional.empty();
        }
        CallAttempt after = carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), a.lastEventAt(),
                a.endedAt(), a.talkTime(), charged, a.reason()));
        if (retryAt == null) {
            return Optional.of(new AttemptChange(a, after, null, null, null, null));
        }
        Instant t = later(a.lastEventAt(), at);
        return Optional.of(new AttemptChange(a, after,
                new RecipientChange(RecipientStatus.PENDING, null, retryAt, 0, a.status()),
                RecipientStatus.PENDING.wireName(), null, t));
    }

    /**
     * Takes over an expired claim for reconciliation: a new owner and lease, if the attempt is
     * still calling and its lease ended before {@code now}. No status change and no event.
     *
     * @param a the attempt as loaded
     * @param owner the node taking it over
     * @param now the node's current instant
     * @param leaseUntil the new end of the lease
     * @return the attempt with the new owner and lease, or empty if it cannot be taken over
     */
    public static Optional<CallAttempt> takeOver(CallAttempt a, String owner, Instant now, Instant leaseUntil) {
        if (a.status() != RecipientStatus.CALLING || !a.leaseUntil().isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(withLease(a, owner, leaseUntil));
    }

    /**
     * Extends the lease of a claim its owner is still placing (a heartbeat while the carrier
     * answers slowly), if the attempt is still calling under that owner and its lease has not
     * ended before {@code now}.
     *
     * @param a the attempt as loaded
     * @param owner the node that claimed it
     * @param now the node's current instant
     * @param leaseUntil the new end of the lease
     * @return the attempt with the new lease, or empty if the claim is no longer this owner's
     */
    public static Optional<CallAttempt> extendLease(CallAttempt a, String owner, Instant now, Instant leaseUntil) {
        if (a.status() != RecipientStatus.CALLING || !owner.equals(a.owner()) || a.leaseUntil().isBefore(now)
                || !leaseUntil.isAfter(a.leaseUntil())) {
            return Optional.empty();
        }
        return Optional.of(withLease(a, owner, leaseUntil));
    }

    /**
     * A placed call (initiated, ringing, in_progress) heard of at {@code at} without a status
     * change (e.g. after a look-up): {@code lastEventAt} moves forward, never back.
     *
     * @param a the attempt as loaded
     * @param at when it was heard of
     * @return the attempt with the new {@code lastEventAt}, or empty when nothing changes
     */
    public static Optional<CallAttempt> heard(CallAttempt a, Instant at) {
        if (!a.status().isActive() || a.status() == RecipientStatus.CALLING || !at.isAfter(a.lastEventAt())) {
            return Optional.empty();
        }
        return Optional.of(carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), at,
                a.endedAt(), a.talkTime(), a.cost(), a.reason())));
    }

    private static CallAttempt withLease(CallAttempt a, String owner, Instant leaseUntil) {
        return carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), a.status(), owner, a.claimedAt(), leaseUntil, a.placedAt(), a.lastEventAt(),
                a.endedAt(), a.talkTime(), a.cost(), a.reason()));
    }

    private static CallAttempt ended(CallAttempt a, RecipientStatus outcome, String reason, Instant at) {
        return carry(a, new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), outcome, a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), at, at, null,
                a.cost(), reason));
    }

    /** {@code next} with the answering-machine result and the disposition of {@code a}, which a transition keeps. */
    private static CallAttempt carry(CallAttempt a, CallAttempt next) {
        return next.withAnsweredBy(a.answeredBy()).withDisposition(a.disposition());
    }

    /** The later of two instants; {@code b} when {@code a} is null. */
    static Instant later(Instant a, Instant b) {
        return a != null && a.isAfter(b) ? a : b;
    }

    /**
     * The answer to a placement: whether the claim still stands for this call (the port's return
     * value), and the change to write, if any.
     *
     * @param accepted whether the claim still stood, so the call counts as placed (the port's return value)
     * @param change the attempt change to store; empty when nothing is to be written
     */
    public record Placement(boolean accepted, Optional<AttemptChange> change) {
        /**
         * Validates the components (see the record description).
         *
         * @param accepted whether the claim still stood, so the call counts as placed (the port's return
         *     value)
         * @param change the attempt change to store; empty when nothing is to be written
         * @throws NullPointerException if change is null
         */
        public Placement {
            Objects.requireNonNull(change, "change must not be null");
        }
    }
}
