package io.batchcall;

import io.batchcall.model.AccountId;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.TelephonyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A snapshot of the engine's health, from {@link BatchCalls#health()}.
 *
 * @param lastSuccessfulStep when the last engine step whose every part succeeded ended (engine
 *     clock); null if none has yet
 * @param lastStepError the first failure of the most recent step; null if it succeeded or no step ran
 * @param storeReachable whether a trivial query on the store succeeded just now
 * @param storeError why the store was not reachable; null when it was
 * @param recentFatalCarrierErrors fatal carrier errors (rejected credentials or from-number: the
 *     batch failed) in the last {@link #FATAL_WINDOW}
 * @param checkedAt when this snapshot was taken (engine clock)
 */
public record EngineHealth(Instant lastSuccessfulStep, String lastStepError, boolean storeReachable,
        String storeError, int recentFatalCarrierErrors, Instant checkedAt) {
    /** How far back {@link #recentFatalCarrierErrors} looks. */
    public static final Duration FATAL_WINDOW = Duration.ofMinutes(15);

    /**
     * Validates the components (see the record description).
     *
     * @param lastSuccessfulStep when the last engine step whose every part succeeded ended (engine clock);
     *     null if none has yet
     * @param lastStepError the first failure of the most recent step; null if it succeeded or no step ran
     * @param storeReachable whether a trivial query on the store succeeded just now
     * @param storeError why the store was not reachable; null when it was
     * @param recentFatalCarrierErrors fatal carrier errors (rejected credentials or from-number: the batch
     *     failed) in the last {@link #FATAL_WINDOW}
     * @param checkedAt when this snapshot was taken (engine clock)
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public EngineHealth {
        if (recentFatalCarrierErrors < 0) {
            throw new IllegalArgumentException("recentFatalCarrierErrors must not be negative, but was "
                    + recentFatalCarrierErrors);
        }
        if (checkedAt == null) {
            throw new IllegalArgumentException("checkedAt must not be null");
        }
    }

    /**
     * The store answers, the last step succeeded, and the carrier refused no batch recently.
     *
     * @return true when healthy
     */
    public boolean healthy() {
        return storeReachable && lastStepError == null && recentFatalCarrierErrors == 0;
    }

    /**
     * Whether no successful step ended within {@code maxAge} before {@link #checkedAt} (a started
     * engine whose loop is stuck or failing). True when no step succeeded yet.
     *
     * @param maxAge the longest acceptable time since the last successful step
     * @return true when the last successful step is older than {@code maxAge}, or there was none
     */
    public boolean stepOverdue(Duration maxAge) {
        return lastSuccessfulStep == null || lastSuccessfulStep.plus(maxAge).isBefore(checkedAt);
    }

    /** Keeps what health needs from the engine's observations. Thread-safe. */
    static final class Tracker implements EngineObserver {
        private static final int MAX_FATALS = 1000;

        private final Clock clock;
        private final Deque<Instant> fatals = new ArrayDeque<>();
        private volatile Instant lastSuccess;
        private volatile String lastError;

        Tracker(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void onEngineStep(Duration duration, Throwable error) {
            if (error == null) {
                lastSuccess = clock.instant();
                lastError = null;
            } else {
                lastError = String.valueOf(error);
            }
        }

        @Override
        public void onCarrierError(AccountId account, TelephonyException.Kind kind) {
            if (kind == TelephonyException.Kind.FATAL) {
                synchronized (fatals) {
                    fatals.addLast(clock.instant());
                    if (fatals.size() > MAX_FATALS) {
                        fatals.removeFirst();
                    }
                }
            }
        }

        EngineHealth snapshot(boolean storeReachable, String storeError) {
            Instant now = clock.instant();
            int recent;
            synchronized (fatals) {
                while (!fatals.isEmpty() && fatals.peekFirst().isBefore(now.minus(FATAL_WINDOW))) {
                    fatals.removeFirst();
                }
                recent = fatals.size();
            }
            return new EngineHealth(lastSuccess, lastError, storeReachable, storeError, recent, now);
        }
    }
}
