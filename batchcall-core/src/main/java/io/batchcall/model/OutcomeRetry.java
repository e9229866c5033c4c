package io.batchcall.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How one outcome is retried (see {@link RetryPolicy#byOutcome()} and
 * {@link RetryPolicy#byDisposition()}). The k-th dial that ends in this outcome (k = 1, 2, ...) is
 * followed by another one no sooner than {@code delay × backoff^(k-1)} after it ended and, when
 * {@code nextWindowAfter} is positive, no sooner than that long after it ended; the dial then waits
 * for the call window like any other, so a retry with {@code nextWindowAfter} of 20 hours lands
 * at another time of day. After {@code maxAttempts} dials ended in this outcome, it is not retried.
 *
 * @param delay the least time before the next dial after the first such ending; not negative
 * @param backoff the factor the delay grows by with each further such ending, 1.0 to 10.0
 * @param maxAttempts how many dials may end in this outcome in one run, 1 to 100 (1 = no retry)
 * @param nextWindowAfter the least time before the next dial, whatever the delay; zero for none
 */
public record OutcomeRetry(Duration delay, double backoff, int maxAttempts, Duration nextWindowAfter) {
    /** The longest delay a backoff may reach; later delays stay at this. */
    public static final Duration MAX_DELAY = Duration.ofDays(365);

    /**
     * Validates the components (see the record description).
     *
     * @param delay the least time before the next dial after the first such ending; not negative
     * @param backoff the factor the delay grows by with each further such ending, 1.0 to 10.0
     * @param maxAttempts how many dials may end in this outcome in one run, 1 to 100
     * @param nextWindowAfter the least time before the next dial; null or zero for none
     * @throws IllegalArgumentException naming the field, the rule and the value when one breaks it
     */
    public OutcomeRetry {
        Objects.requireNonNull(delay, "delay must not be null");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and 365 days, but was " + delay);
        }
        if (!(backoff >= 1.0 && backoff <= 10.0)) {
            throw new IllegalArgumentException("backoff must be between 1.0 and 10.0, but was " + backoff);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 100, but was " + maxAttempts);
        }
        nextWindowAfter = nextWindowAfter == null ? Duration.ZERO : nextWindowAfter;
        if (nextWindowAfter.isNegative() || nextWindowAfter.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("nextWindowAfter must be between 0 and 365 days, but was "
                    + nextWindowAfter);
        }
    }

    /**
     * Retries after a fixed delay, at most {@code maxAttempts} dials ending in the outcome.
     *
     * @param delay the least time before the next dial
     * @param maxAttempts how many dials may end in this outcome, 1 to 100
     * @return the rule
     * @throws IllegalArgumentException if a value breaks the record's rules
     */
    public static OutcomeRetry after(Duration delay, int maxAttempts) {
        return new OutcomeRetry(delay, 1.0, maxAttempts, Duration.ZERO);
    }

    /**
     * This rule with the delay multiplied by {@code factor} after each further such ending.
     *
     * @param factor 1.0 to 10.0
     * @return the changed rule
     */
    public OutcomeRetry withBackoff(double factor) {
        return new OutcomeRetry(delay, factor, maxAttempts, nextWindowAfter);
    }

    /**
     * This rule, dialing again no sooner than {@code gap} after the end, at the first moment the
     * window is open from then on ("the next window opening at least N hours later").
     *
     * @param gap the least time, e.g. 20 hours
     * @return the changed rule
     */
    public OutcomeRetry inNextWindowAfter(Duration gap) {
        return new OutcomeRetry(delay, backoff, maxAttempts, gap);
    }

    /**
     * The delay after the {@code k}-th dial ending in this outcome: {@code delay × backoff^(k-1)},
     * at most {@link #MAX_DELAY}, to the second.
     *
     * @param k 1 for the first such ending
     * @return the delay
     * @throws IllegalArgumentException if k is below 1
     */
    public Duration delayAfter(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, but was " + k);
        }
        double seconds = delay.toMillis() / 1000.0 * Math.pow(backoff, k - 1);
        if (seconds >= MAX_DELAY.getSeconds()) {
            return MAX_DELAY;
        }
        return backoff == 1.0 ? delay : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }
}
