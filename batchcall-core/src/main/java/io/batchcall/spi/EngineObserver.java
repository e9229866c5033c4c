package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.RecipientStatus;
import java.time.Duration;

/**
 * Observation points of the engine, for metrics and health (a Micrometer binder, a host's own
 * counters). Every method has a no-op default, so an observer implements only what it needs.
 * Hand observers to {@code BatchCallsBuilder.observer(...)}; several may be added.
 *
 * <p><b>Threads.</b> Methods are called on the engine's step thread, the dial threads and the
 * threads that deliver carrier status updates (a webhook's request thread), often concurrently:
 * an implementation must be thread-safe, fast (no I/O, no locks held for long) and must not
 * throw. An exception is caught, logged and otherwise ignored; it never changes what the engine
 * does. Durations are never negative.
 */
public interface EngineObserver {
    /** An observer that does nothing. */
    EngineObserver NONE = new EngineObserver() {
    };

    /**
     * The carrier accepted a call (one dial placed).
     *
     * @param account the batch's account
     * @param dispatchLag from when the recipient was due (the later of its {@code notBefore} and
     *     the batch's last start) to when the call was placed, by the engine's clock; zero if the
     *     call was placed early
     */
    default void onDialPlaced(AccountId account, Duration dispatchLag) {
    }

    /**
     * A call ended: a terminal carrier status (completed, busy, no_answer, failed) was applied to
     * an attempt, once per attempt. Statuses the store ignored (duplicates, stale) are not reported.
     *
     * @param account the batch's account
     * @param status the terminal status applied
     */
    default void onCallOutcome(AccountId account, RecipientStatus status) {
    }

    /**
     * The carrier refused or failed to place a call; {@code kind} says how the engine handled it.
     * An unexpected adapter exception is reported as {@link TelephonyException.Kind#AMBIGUOUS}
     * (the engine reconciles it like a timeout). A {@link TelephonyException.Kind#FATAL} error
     * fails the batch.
     *
     * @param account the batch's account
     * @param kind how the engine handled the error
     */
    default void onCarrierError(AccountId account, TelephonyException.Kind kind) {
    }

    /**
     * One claim round-trip to the store for one batch.
     *
     * @param account the batch's account
     * @param claimed recipients claimed (0 when nothing was due or no slot was free)
     * @param latency wall time the store took (monotonic clock), including lock waits
     */
    default void onClaim(AccountId account, int claimed, Duration latency) {
    }

    /**
     * One engine step ({@code runOnce}) ended.
     *
     * @param duration wall time of the step (monotonic clock)
     * @param error the first failure of a part of the step (the step goes on with the next part
     *     and the next step tries again); null when every part succeeded
     */
    default void onEngineStep(Duration duration, Throwable error) {
    }

    /**
     * A CSV import was committed: rows accepted into the batch, and rows rejected with a reason.
     *
     * @param imported rows accepted into the batch
     * @param rejected rows rejected with a reason
     */
    default void onCsvImport(long imported, long rejected) {
    }

    /**
     * The event pump read {@code written} new events from the store's event log (appended by this
     * or any other node sharing the store) and made {@code delivered} successful listener calls.
     * Called after each pump that read at least one event.
     *
     * @param written events read from the log in this pump
     * @param delivered successful listener calls made for them
     */
    default void onEvents(int written, int delivered) {
    }

    /**
     * A terminal call was settled against the ledger (its hold captured at the real cost), or the
     * settlement failed and will be retried.
     *
     * @param account the call's account
     * @param done true when the capture succeeded; false when the ledger failed
     */
    default void onSettlement(AccountId account, boolean done) {
    }
}
