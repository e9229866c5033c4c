package io.batchcall.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happens after a failed delivery: a pure function of the failures so far, the settings, the
 * time and a random number (injected, so tests are deterministic). The event is given up on (a
 * dead letter) once its failures reach {@link DeliverySettings#maxAttempts()}; before that it is
 * tried again after an exponential backoff, capped and jittered: the n-th failure waits between
 * half and all of {@code min(maxBackoff, initialBackoff × 2^(n-1))}.
 */
public final class DeliveryRules {
    private DeliveryRules() {
    }

    /**
     * The outcome of a failure.
     *
     * @param deadLetter whether the event is given up on
     * @param retryAt when to try again; null for a dead letter
     */
    public record Next(boolean deadLetter, Instant retryAt) {
    }

    /**
     * Decides after the {@code failures}-th failed delivery of an event.
     *
     * @param failures the failures so far, this one included; 1 or more
     * @param settings the attempts and backoff bounds
     * @param now when the failure happened
     * @param random a number in [0, 1) from the jitter source
     * @return a dead letter when failures reached the maximum, else the retry time
     * @throws IllegalArgumentException if failures is below 1 or random is outside [0, 1)
     */
    public static Next afterFailure(int failures, DeliverySettings settings, Instant now, double random) {
        Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(now, "now must not be null");
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, but was " + failures);
        }
        if (failures >= settings.maxAttempts()) {
            return new Next(true, null);
        }
        return new Next(false, now.plus(backoff(failures, settings.initialBackoff(), settings.maxBackoff(), random)));
    }

    /**
     * The wait after the {@code failures}-th failure: between half and all of
     * {@code min(max, initial × 2^(failures-1))}, placed by {@code random}.
     *
     * @param failures the failures so far, 1 or more
     * @param initial the base wait after the first failure, positive
     * @param max the cap, at least {@code initial}
     * @param random a number in [0, 1)
     * @return the wait, never above {@code max} and never below half of {@code initial}
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static Duration backoff(int failures, Duration initial, Duration max, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, but was " + failures);
        }
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1), but was " + random);
        }
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("initial must be positive and max at least initial, but were " + initial
                    + " and " + max);
        }
        long capMs = max.toMillis();
        long base = initial.toMillis();
        for (int i = 1; i < failures && base < capMs; i++) {
            base = base * 2;
        }
        base = Math.min(base, capMs);
        long half = base / 2;
        return Duration.ofMillis(half + (long) Math.floor(random * (base - half)));
    }
}
