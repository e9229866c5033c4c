package io.batchcall.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which unsuccessful outcomes are dialed again, how often and after how long. A retry is an
 * ordinary dial: it waits for the call window, a free slot and credit like any other.
 *
 * @param retryOn outcomes that are retried: a subset of busy, no_answer, failed
 * @param maxAttempts dials per recipient in one run, first dial included (1 = no retry)
 * @param delay the least time between the end of one attempt and the next dial
 */
public record RetryPolicy(Set<RecipientStatus> retryOn, int maxAttempts, Duration delay) {
    private static final Set<RecipientStatus> RETRYABLE =
            EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER, RecipientStatus.FAILED);

    /**
     * Validates the components (see the record description).
     *
     * @param retryOn outcomes that are retried: a subset of busy, no_answer, failed
     * @param maxAttempts dials per recipient in one run, first dial included (1 = no retry)
     * @param delay the least time between the end of one attempt and the next dial
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of retryOn, delay is null
     */
    public RetryPolicy {
        Objects.requireNonNull(retryOn, "retryOn must not be null");
        Objects.requireNonNull(delay, "delay must not be null");
        for (RecipientStatus s : retryOn) {
            if (!RETRYABLE.contains(s)) {
                throw new IllegalArgumentException("retryOn may hold only busy, no_answer and failed, but held "
                        + s.wireName());
            }
        }
        retryOn = retryOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(retryOn));
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 100, but was " + maxAttempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, but was " + delay);
        }
    }

    /**
     * One dial per recipient.
     *
     * @return the policy that never retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(Set.of(), 1, Duration.ZERO);
    }

    /**
     * Retries the given outcomes.
     *
     * @param outcomes the terminal statuses that are dialed again, e.g. busy and no_answer
     * @param maxAttempts dials per recipient in one run, first dial included (1 = no retry)
     * @param delay the least time between the end of one attempt and the next dial
     * @return the policy
     * @throws IllegalArgumentException if a value breaks the record's rules
     */
    public static RetryPolicy on(Set<RecipientStatus> outcomes, int maxAttempts, Duration delay) {
        return new RetryPolicy(outcomes, maxAttempts, delay);
    }

    /**
     * Whether a recipient whose {@code attemptsSoFar}-th dial ended in {@code outcome} is dialed again.
     *
     * @param outcome how the dial ended
     * @param attemptsSoFar dials of the recipient in this run, the one that just ended included
     * @return true when it is dialed again
     */
    public boolean shouldRetry(RecipientStatus outcome, int attemptsSoFar) {
        return retryOn.contains(outcome) && attemptsSoFar < maxAttempts;
    }

    /**
     * When a recipient whose {@code attemptsSoFar}-th dial ended in {@code outcome} at
     * {@code endedAt} is dialed again: {@code endedAt + delay}, or empty when it is not retried.
     * Like any dial, the retry still waits for the window, a free slot and credit.
     *
     * @param outcome how the dial ended
     * @param attemptsSoFar dials of the recipient in this run, the one that just ended included
     * @param endedAt when the dial ended
     * @return the earliest instant of the next dial, or empty
     */
    public Optional<Instant> nextDialAt(RecipientStatus outcome, int attemptsSoFar,
            Instant endedAt) {
        Objects.requireNonNull(endedAt, "endedAt must not be null");
        return shouldRetry(outcome, attemptsSoFar) ? Optional.of(endedAt.plus(delay))
                : Optional.empty();
    }
}
