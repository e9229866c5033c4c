package io.batchcall.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which unsuccessful outcomes are dialed again, how often and after how long. A retry is an
 * ordinary dial: it waits for the call window, a free slot and credit like any other.
 *
 * <p>Besides the single delay ({@code retryOn}, {@code maxAttempts}, {@code delay}), a policy may
 * hold a rule per outcome ({@link #byOutcome()}: {@code busy}, {@code no_answer}, {@code failed},
 * {@code machine}) and per reported disposition code ({@link #byDisposition()}). A rule for the
 * outcome decides instead of the single delay, bounded by its own {@link OutcomeRetry#maxAttempts()};
 * a disposition's rule comes first. The retry time itself is
 * {@link io.batchcall.rules.RetryRules#retryAt}'s decision. A policy without rules reads and
 * behaves exactly as before they existed.
 *
 * @param retryOn outcomes that are retried: a subset of busy, no_answer, failed
 * @param maxAttempts dials per recipient in one run, first dial included (1 = no retry); bounds
 *     the single-delay retries only
 * @param delay the least time between the end of one attempt and the next dial
 * @param byOutcome a rule per outcome: keys {@code busy}, {@code no_answer}, {@code failed},
 *     {@code machine}; empty for none
 * @param byDisposition a rule per disposition code; empty for none
 */
public record RetryPolicy(Set<RecipientStatus> retryOn, int maxAttempts, Duration delay,
        Map<String, OutcomeRetry> byOutcome, Map<String, OutcomeRetry> byDisposition) {
    private static final Set<RecipientStatus> RETRYABLE =
            EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER, RecipientStatus.FAILED);
    /** The outcomes {@link #byOutcome()} may name. */
    public static final Set<String> OUTCOMES = Set.of("busy", "no_answer", "failed", "machine");

    /**
     * A policy with the single delay only (no per-outcome rules).
     *
     * @param retryOn outcomes that are retried: a subset of busy, no_answer, failed
     * @param maxAttempts dials per recipient in one run, first dial included (1 = no retry)
     * @param delay the least time between the end of one attempt and the next dial
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public RetryPolicy(Set<RecipientStatus> retryOn, int maxAttempts, Duration delay) {
        this(retryOn, maxAttempts, delay, Map.of(), Map.of());
    }

    /**
     * Validates the components (see the record description).
     *
     * @param retryOn outcomes that are retried: a subset of busy, no_answer, failed
     * @param maxAttempts dials per recipient in one run, first dial included (1 = no retry)
     * @param delay the least time between the end of one attempt and the next dial
     * @param byOutcome a rule per outcome (busy, no_answer, failed, machine); null reads as empty
     * @param byDisposition a rule per disposition code; null reads as empty
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
        byOutcome = byOutcome == null ? Map.of() : Map.copyOf(byOutcome);
        for (String key : byOutcome.keySet()) {
            if (!OUTCOMES.contains(key)) {
                throw new IllegalArgumentException("byOutcome may name only busy, no_answer, failed and machine, "
                        + "but named '" + key + "'");
            }
        }
        byDisposition = byDisposition == null ? Map.of() : Map.copyOf(byDisposition);
        for (String key : byDisposition.keySet()) {
            DispositionCode.checkCode("byDisposition code", key);
        }
    }

    /**
     * This policy with a rule for one outcome (replacing any rule it had for it).
     *
     * @param outcome {@code busy}, {@code no_answer}, {@code failed} or {@code machine}
     * @param rule how it is retried
     * @return the changed policy
     * @throws IllegalArgumentException if the outcome is none of those
     */
    public RetryPolicy withOutcome(String outcome, OutcomeRetry rule) {
        Map<String, OutcomeRetry> m = new java.util.HashMap<>(byOutcome);
        m.put(outcome, Objects.requireNonNull(rule, "rule must not be null"));
        return new RetryPolicy(retryOn, maxAttempts, delay, m, byDisposition);
    }

    /**
     * This policy with a rule for one disposition code (replacing any rule it had for it).
     *
     * @param code a disposition code, e.g. {@code call_back}
     * @param rule how a recipient whose attempt got that code is dialed again
     * @return the changed policy
     * @throws IllegalArgumentException if the code is malformed
     */
    public RetryPolicy withDisposition(String code, OutcomeRetry rule) {
        Map<String, OutcomeRetry> m = new java.util.HashMap<>(byDisposition);
        m.put(code, Objects.requireNonNull(rule, "rule must not be null"));
        return new RetryPolicy(retryOn, maxAttempts, delay, byOutcome, m);
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
