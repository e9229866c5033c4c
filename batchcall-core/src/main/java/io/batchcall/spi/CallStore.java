package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Claims and call attempts: the hot path, where the concurrency cap and the no-double-dial rule
 * are enforced. Every method that changes a status is guarded by the expected current status
 * (compare-and-set) and returns whether it applied; each applied change appends a recipient
 * {@code StatusEvent} to the {@link EventLog} in the same unit of work, naming the recipient, the
 * attempt and the new status, stamped with the method's time. Thread-safe, and on a shared
 * database safe across engine nodes.
 *
 * <p>A recipient's status follows its latest attempt while that attempt is in flight.
 * {@code recipient.attempts} counts the dials of the current run: a claim adds one, a
 * {@link #release} takes it back, a re-run ({@link RecipientStore#requeueAll}) resets it.
 * {@code recipient.reason} is set by each transition: the reason given to it, else null.
 * Methods taking an unknown attempt id return false / empty / do nothing; so do those given an
 * attempt with the account of another: the account comes first so that a store sharded by account
 * (see {@code docs/scale-out.md}) finds the attempt on one shard.
 *
 * <p>Every transition is decided by {@link io.batchcall.rules.AttemptRules}; a store loads the
 * attempt, asks the rule, and writes the change only if the attempt is still as loaded.
 */
public interface CallStore {
    /**
     * Atomically counts the active calls of the account (recipients in calling, initiated, ringing
     * or in_progress in any of its batches, plus reported inbound calls) and of the batch, and
     * claims {@code min(request.max(), policy.freeSlots(accountActive, batchActive))} of the
     * batch's pending recipients whose {@code notBefore} is at or before {@code now} (and whose zone
     * key is in {@code zoneKeys}, when given), oldest {@code notBefore} then lowest id first: each
     * becomes {@code calling} (reason cleared, attempts + 1, last attempt = the new one) with a new
     * {@link CallAttempt} (fresh id, {@code number} = the recipient's attempts after the increment,
     * status calling, owner and lease from the request, {@code claimedAt} = {@code lastEventAt} =
     * now) and appends a calling event. Returns the claims in that order. No two concurrent
     * claims, from any node, can exceed the cap or claim the same recipient.
     *
     * <p>{@code request.account()} must be the batch's account. The batch's status is not checked
     * (the engine claims only for running batches); an unknown batch has nothing to claim.
     *
     * @param request the batch, account, policy, instant, owner, lease and size of the claim
     * @return the new claims, in claim order; empty when no slot is free or nothing is due
     */
    List<Claim> claim(ClaimRequest request);

    /**
     * calling → initiated once the carrier accepted the call, for the attempt and the recipient:
     * sets the provider call id, {@code placedAt} and {@code lastEventAt} = {@code at} (owner and
     * lease are left as they were).
     * If a carrier update already moved the attempt past calling (its callback overtook the
     * dialer; such an attempt has a {@code placedAt}, unlike one released or finished undialed),
     * nothing changes status: the call id is adopted if the attempt had none, and true is
     * returned unless the attempt carries a different call id. Repeating the call is harmless.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the claimed attempt
     * @param providerCallId the carrier's call id; not null
     * @param at when the carrier accepted the call
     * @return false if the claim was lost (released, finished undialed, unknown attempt) or the
     *     attempt already carries a different call id
     */
    boolean markPlaced(AccountId account, AttemptId attempt, String providerCallId, Instant at);

    /**
     * Applies a carrier status as {@link io.batchcall.rules.AttemptRules#carrierStatus} decides:
     * monotonically ({@link RecipientStatus#advancesTo}) to the attempt and, when it is the
     * recipient's latest attempt, to the recipient. A duplicate, stale or post-terminal update is
     * ignored, as is any update to an attempt that was released or finished undialed, and any
     * update naming another provider call id than the one recorded. A terminal status makes the
     * attempt's settlement due in the same unit of work. The event carries the update's reason as
     * detail.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the attempt the update is about
     * @param update the carrier's status, time, call id, talk time and reason
     * @return the attempt as changed, or empty if the update was ignored
     */
    Optional<CallAttempt> applyCarrierStatus(AccountId account, AttemptId attempt, CarrierUpdate update);

    /**
     * Gives back a claim that was not dialed, if the attempt is still calling: the recipient
     * (calling → pending, due at {@code notBefore}, attempts − 1, reason cleared; its last attempt
     * still names this attempt) and the attempt (skipped with the reason, {@code endedAt} =
     * {@code lastEventAt} = {@code at}, no talk time; not counted as a dial). The event is
     * (pending, detail = reason).
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the claimed attempt
     * @param notBefore when the recipient may be dialed again
     * @param reason why it was not dialed, kept as the event's detail
     * @param at when the claim was given back
     * @return false if the attempt was no longer calling (nothing changed)
     */
    boolean release(AccountId account, AttemptId attempt, Instant notBefore, String reason, Instant at);

    /**
     * Ends a claim that will not be dialed, if the attempt is still calling: calling →
     * {@code outcome} (skipped or failed) for both the recipient and the attempt, with the reason,
     * {@code endedAt} = {@code lastEventAt} = {@code at} and no talk time. The attempt still
     * counts in {@code recipient.attempts}. The event's detail is the reason.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the claimed attempt
     * @param outcome skipped or failed
     * @param reason why it was not dialed
     * @param at when it ended
     * @return false if the attempt was no longer calling (nothing changed)
     * @throws IllegalArgumentException if {@code outcome} is not skipped or failed
     */
    boolean finishUndialed(AccountId account, AttemptId attempt, RecipientStatus outcome, String reason, Instant at);

    /**
     * Settles an ended call as {@link io.batchcall.rules.AttemptRules#settle} decides, in one unit
     * of work: records {@code charged} on the attempt and, when {@code retryAt} is not null, queues
     * the recipient for another dial then (pending, reason cleared, attempts kept; only while this
     * is its latest attempt and it is still in the attempt's status; event pending, no detail).
     * Applies only while the attempt's settlement is due ({@link CallAttempt#settlementDue()}):
     * a repeated settlement changes nothing and returns false.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the ended attempt
     * @param charged what the ledger captured for it
     * @param retryAt when to dial the recipient again, or null for no retry
     * @param at when it was settled
     * @return whether this call settled the attempt
     * @throws IllegalArgumentException if {@code retryAt} is given for an attempt that neither failed nor
     *     completed
     */
    boolean settle(AccountId account, AttemptId attempt, Money charged, Instant retryAt, Instant at);

    /**
     * Attempts whose settlement is due ({@link CallAttempt#settlementDue()}) and that ended before
     * {@code endedBefore} (strictly), earliest end then lowest id first, at most {@code limit} (at
     * least 1). The engine settles them; a store keeps this cheap (an index on the due ones).
     *
     * @param endedBefore the exclusive upper bound on {@code endedAt}
     * @param limit at most this many, at least 1
     * @return the due attempts, in that order
     */
    List<CallAttempt> unsettled(Instant endedBefore, int limit);

    /**
     * Whether any attempt of the batch has its settlement due (the batch is not finished until none has).
     *
     * @param account the batch's account
     * @param batch the batch
     * @return true while at least one of its attempts awaits settlement
     */
    boolean hasUnsettled(AccountId account, BatchId batch);

    /**
     * Extends the lease of a claim that {@code owner} is still placing (a heartbeat while the
     * carrier is slow to answer), as {@link io.batchcall.rules.AttemptRules#extendLease} decides.
     * No status change, no event.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the claimed attempt
     * @param owner the node that claimed it
     * @param now the node's current instant
     * @param leaseUntil the new end of the lease
     * @return false if the claim is no longer this owner's or its lease had already ended
     */
    boolean extendLease(AccountId account, AttemptId attempt, String owner, Instant now, Instant leaseUntil);

    /**
     * Claims in {@code calling} whose lease ended before {@code now} (strictly), earliest lease
     * then lowest attempt id first, at most {@code limit} (at least 1).
     *
     * @param now the exclusive upper bound on the lease end
     * @param limit at most this many, at least 1
     * @return the expired claims, in that order
     */
    List<CallAttempt> expiredClaims(Instant now, int limit);

    /**
     * Takes over an expired claim for reconciliation: extends the lease to {@code leaseUntil} for
     * {@code owner} if the attempt is still calling and its lease ended before {@code now}. Only
     * one node wins. No status change, no event.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the expired claim
     * @param owner the node taking it over
     * @param now the node's current instant
     * @param leaseUntil the new end of the lease
     * @return true for the one node that won the claim
     */
    boolean takeOver(AccountId account, AttemptId attempt, String owner, Instant now, Instant leaseUntil);

    /**
     * Placed calls (initiated, ringing, in_progress) last heard of before {@code before}
     * (strictly), least recently heard of then lowest attempt id first, at most {@code limit}
     * (at least 1).
     *
     * @param before the exclusive upper bound on {@code lastEventAt}
     * @param limit at most this many, at least 1
     * @return the stale calls, in that order
     */
    List<CallAttempt> staleCalls(Instant before, int limit);

    /**
     * Marks a placed call (initiated, ringing, in_progress) as heard of at {@code at} without a
     * status change (e.g. after a lookup). {@code lastEventAt} never moves back; other attempts
     * are left alone. No event.
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the placed attempt
     * @param at when it was heard of
     */
    void touch(AccountId account, AttemptId attempt, Instant at);

    /**
     * One attempt by id.
     *
     * @param attempt the attempt id
     * @return the attempt, or empty if unknown
     */
    Optional<CallAttempt> attempt(AttemptId attempt);

    /**
     * Every attempt of a recipient, oldest (lowest id) first; empty for an unknown recipient.
     *
     * @param recipient the recipient
     * @return its attempts, oldest first
     */
    List<CallAttempt> attempts(RecipientId recipient);

    /**
     * Sets the number of inbound calls the account has now; they take concurrency slots.
     *
     * @param account the account
     * @param calls its inbound calls now, 0 or more
     * @throws IllegalArgumentException if {@code calls} is negative
     */
    void setInboundCalls(AccountId account, int calls);

    /**
     * Active calls of the account now: outbound in every batch plus reported inbound.
     *
     * @param account the account
     * @return its active calls, zero for an account with none
     */
    int activeCalls(AccountId account);

    /**
     * Active calls of one batch now (zero for an unknown batch).
     *
     * @param batch the batch
     * @return its recipients in calling, initiated, ringing or in_progress
     */
    int activeCalls(BatchId batch);
}
