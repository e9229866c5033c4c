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
 * {@code StatusEvent} to the {@link EventLog} in the same unit of work. Thread-safe, and on a
 * shared database safe across engine nodes.
 */
public interface CallStore {
    /**
     * Atomically counts the active calls of the account (recipients in calling, initiated, ringing
     * or in_progress in any of its batches, plus reported inbound calls) and of the batch, and
     * claims up to the free slots (at most {@code request.max()}) of the batch's pending
     * recipients whose {@code notBefore} has passed, oldest {@code notBefore} then lowest id first:
     * each becomes {@code calling} with a new {@link CallAttempt} leased to the requester. No two
     * concurrent claims, from any node, can exceed the cap or claim the same recipient.
     */
    List<Claim> claim(ClaimRequest request);

    /** calling → initiated once the carrier accepted the call. False if the claim was lost. */
    boolean markPlaced(AttemptId attempt, String providerCallId, Instant at);

    /**
     * Applies a carrier status monotonically to the attempt and, when it is the recipient's
     * latest attempt, to the recipient. A duplicate, stale or post-terminal update is ignored.
     *
     * @return the attempt as changed, or empty if the update was ignored
     */
    Optional<CallAttempt> applyCarrierStatus(AttemptId attempt, CarrierUpdate update);

    /**
     * Gives back a claim that was not dialed: the recipient (calling → pending, due at
     * {@code notBefore}) and the attempt (marked skipped with the reason; not counted as a dial).
     */
    boolean release(AttemptId attempt, Instant notBefore, String reason, Instant at);

    /**
     * Ends a claim that will not be dialed: calling → {@code outcome} (skipped or failed) for both
     * the recipient and the attempt, with the reason.
     */
    boolean finishUndialed(AttemptId attempt, RecipientStatus outcome, String reason, Instant at);

    /**
     * Queues a recipient whose latest attempt ended unsuccessfully for another dial (retry):
     * terminal → pending, due at {@code notBefore}. False unless {@code attempt} is the
     * recipient's latest attempt and it is finished.
     */
    boolean requeue(AttemptId attempt, Instant notBefore, Instant at);

    /** Records the charged cost of a finished attempt. Idempotent. */
    void recordCost(AttemptId attempt, Money cost);

    /** Claims in {@code calling} whose lease ended before {@code now}. */
    List<CallAttempt> expiredClaims(Instant now, int limit);

    /**
     * Takes over an expired claim for reconciliation: extends the lease to {@code leaseUntil} for
     * {@code owner} if the attempt is still calling and its lease ended before {@code now}. Only
     * one node wins.
     */
    boolean takeOver(AttemptId attempt, String owner, Instant now, Instant leaseUntil);

    /** Placed calls (initiated, ringing, in_progress) last heard of before {@code before}. */
    List<CallAttempt> staleCalls(Instant before, int limit);

    /** Marks a placed call as heard of at {@code at} without a status change (e.g. after a lookup). */
    void touch(AttemptId attempt, Instant at);

    Optional<CallAttempt> attempt(AttemptId attempt);

    /** Every attempt of a recipient, oldest first. */
    List<CallAttempt> attempts(RecipientId recipient);

    /** Sets the number of inbound calls the account has now; they take concurrency slots. */
    void setInboundCalls(AccountId account, int calls);

    /** Active calls of the account now: outbound in every batch plus reported inbound. */
    int activeCalls(AccountId account);

    /** Active calls of one batch now. */
    int activeCalls(BatchId batch);
}
