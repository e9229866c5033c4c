package io.batchcall.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The carrier port. Status changes after {@link #place} come back asynchronously through the
 * {@link CallStatusSink} the engine hands to the adapter (for Twilio, from its status webhook).
 * Implementations must be thread-safe.
 */
public interface Telephony {
    /**
     * Places one call. Must not retry on its own in a way that can dial twice: an ambiguous
     * failure (timeout, 5xx) is reported as {@link TelephonyException.Kind#AMBIGUOUS} and the
     * engine reconciles through {@link #lookup} before any re-dial.
     *
     * @param request the call to place, with batchcall's attempt id
     * @return the carrier's id for the call
     * @throws TelephonyException classified by what the engine should do next
     */
    PlacedCall place(CallRequest request);

    /**
     * Asks the carrier what became of an attempt, after a crash or a lost status callback.
     * Empty means the carrier has no such call (it was never placed).
     *
     * @return what the carrier knows about the call, or empty if it never placed it
     * @param attempt the attempt id, number and times; the carrier call id when it was recorded
     */
    Optional<CallInfo> lookup(LookupRequest attempt);

    /**
     * The longest a {@link #place} can take, from the moment the request leaves until the carrier
     * can no longer create the call (for an HTTP carrier: the request timeout plus a margin). A claim
     * whose engine died mid-placement is given back as "never placed" only after this much time
     * since the claim, so a call the carrier creates late is found by {@link #lookup}, not dialed
     * again. Default 30 s.
     *
     * @return the longest placement time (default 30 s)
     */
    default Duration maxPlacementTime() {
        return Duration.ofSeconds(30);
    }

    /**
     * Ends a call if it is still up. Idempotent.
     *
     * @param providerCallId the carrier's call id
     */
    void hangUp(String providerCallId);

    /**
     * Told when answering-machine detection found a machine on a call of a batch whose policy is
     * {@link io.batchcall.model.MachinePolicy#LEAVE_MESSAGE}: the adapter lets the host's answer
     * endpoint know, so the host's agent leaves its message (Twilio: the live call is redirected
     * to the answer URL with {@code answered_by=machine}). For
     * {@link io.batchcall.model.MachinePolicy#HANG_UP_AND_RETRY} the engine calls {@link #hangUp}
     * instead. Default: nothing (an adapter whose host learns it otherwise, e.g. from the event log).
     *
     * @param providerCallId the carrier's call id
     * @param request the attempt, batch and policy of the call
     */
    default void machineAnswered(String providerCallId, MachineAnswer request) {
    }

    /**
     * Which call a machine answered, for {@link #machineAnswered}.
     *
     * @param attemptId the attempt
     * @param batchId the attempt's batch
     * @param policy the batch's machine policy
     */
    record MachineAnswer(io.batchcall.model.AttemptId attemptId, io.batchcall.model.BatchId batchId,
            io.batchcall.model.MachinePolicy policy) {
    }
}
