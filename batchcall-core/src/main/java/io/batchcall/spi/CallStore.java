package io.batchcall.spi;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.NotFoundException;
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
 * Methods taking an unknown attempt id return false / empty / do nothing, except
 * {@link #recordCost}.
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
     * @return false if the claim was lost (released, finished undialed, unknown attempt) or the
     *     attempt already carries a different call id
     */
    boolean markPlaced(AttemptId attempt, String providerCallId, Instant at);

    /**
     * Applies a carrier status monotonically ({@link RecipientStatus#advancesTo}) to the attempt
     * and, when it is the recipient's latest attempt, to the recipient. A duplicate, stale or
     * post-terminal update is ignored, as is any update to an attempt that was released or
     * finished undialed. An applied update sets {@code lastEventAt} (and {@code placedAt}, if still
     * null) to {@code update.at()} and adopts the provider call id if the attempt had none (a call
     * id already recorded is kept). A terminal status also sets {@code endedAt} = {@code at},
     * {@code talkTime} = {@link CarrierUpdate#talkTimeOrZero()} and the reason (attempt and
     * recipient); a non-terminal one clears the recipient's reason. The event carries the
     * update's reason as detail.
     *
     * @return the attempt as changed, or empty if the update was ignored
     */
    Optional<CallAttempt> applyCarrierStatus(AttemptId attempt, CarrierUpdate update);

    /**
     * Gives back a claim that was not dialed, if the attempt is still calling: the recipient
     * (calling → pending, due at {@code notBefore}, attempts − 1, reason cleared; its last attempt
     * still names this attempt) and the attempt (skipped with the reason, {@code endedAt} =
     * {@code lastEventAt} = {@code at}, no talk time; not counted as a dial). The event is
     * (pending, detail = reason).
     */
    boolean release(AttemptId attempt, Instant notBefore, String reason, Instant at);

    /**
     * Ends a claim that will not be dialed, if the attempt is still calling: calling →
     * {@code outcome} (skipped or failed) for both the recipient and the attempt, with the reason,
     * {@code endedAt} = {@code lastEventAt} = {@code at} and no talk time. The attempt still
     * counts in {@code recipient.attempts}. The event's detail is the reason.
     *
     * @throws IllegalArgumentException if {@code outcome} is not skipped or failed
     */
    boolean finishUndialed(AttemptId attempt, RecipientStatus outcome, String reason, Instant at);

    /**
     * Queues a recipient whose latest attempt ended unsuccessfully for another dial (retry):
     * failed, busy or no_answer → pending, due at {@code notBefore}, reason cleared, attempts
     * kept. False unless {@code attempt} is the recipient's latest attempt, it ended in failed, busy
     * or no_answer, and the recipient is still in that status. The attempt is not changed; the
     * event (pending, no detail) names it.
     */
    boolean requeue(AttemptId attempt, Instant notBefore, Instant at);

    /**
     * Records the charged cost of a finished attempt. Idempotent: the first recorded cost is kept
     * and later calls change nothing.
     *
     * @throws NotFoundException if the attempt does not exist
     * @throws IllegalStateTransitionException if the attempt has not ended
     */
    void recordCost(AttemptId attempt, Money cost);

    /**
     * Claims in {@code calling} whose lease ended before {@code now} (strictly), earliest lease
     * then lowest attempt id first, at most {@code limit} (at least 1).
     */
    List<CallAttempt> expiredClaims(Instant now, int limit);

    /**
     * Takes over an expired claim for reconciliation: extends the lease to {@code leaseUntil} for
     * {@code owner} if the attempt is still calling and its lease ended before {@code now}. Only
     * one node wins. No status change, no event.
     */
    boolean takeOver(AttemptId attempt, String owner, Instant now, Instant leaseUntil);

    /**
     * Placed calls (initiated, ringing, in_progress) last heard of before {@code before}
     * (strictly), least recently heard of then lowest attempt id first, at most {@code limit}
     * (at least 1).
     */
    List<CallAttempt> staleCalls(Instant before, int limit);

    /**
     * Marks a placed call (initiated, ringing, in_progress) as heard of at {@code at} without a
     * status change (e.g. after a lookup). {@code lastEventAt} never moves back; other attempts
     * are left alone. No event.
     */
    void touch(AttemptId attempt, Instant at);

    Optional<CallAttempt> attempt(AttemptId attempt);

    /** Every attempt of a recipient, oldest (lowest id) first; empty for an unknown recipient. */
    List<CallAttempt> attempts(RecipientId recipient);

    /**
     * Sets the number of inbound calls the account has now; they take concurrency slots.
     *
     * @throws IllegalArgumentException if {@code calls} is negative
     */
    void setInboundCalls(AccountId account, int calls);

    /** Active calls of the account now: outbound in every batch plus reported inbound. */
    int activeCalls(AccountId account);

    /** Active calls of one batch now (zero for an unknown batch). */
    int activeCalls(BatchId batch);
}
