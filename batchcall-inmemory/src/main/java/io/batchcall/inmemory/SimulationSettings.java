package io.batchcall.inmemory;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How a {@link SimulatedTelephony} behaves: the weights of the outcomes, ring and talk time
 * ranges, and delivery quirks. Immutable; start from {@link #ofDefaults()}.
 *
 * @param answered relative weight of answered calls (completed)
 * @param busy relative weight of busy
 * @param noAnswer relative weight of no_answer (rings for the request's ring timeout)
 * @param failed relative weight of failed
 * @param minRing shortest ring before answer or busy
 * @param maxRing longest ring before answer or busy
 * @param minTalk shortest talk time of an answered call
 * @param maxTalk longest talk time of an answered call
 * @param outOfOrder shuffle events that fall due together
 * @param duplicates deliver every event twice
 * @param seed seed of the outcome and duration draws, for repeatable runs
 * @param machinePercent of the answered calls, the percentage (0-100) answered by an answering
 *     machine ({@link SimulatedOutcome#MACHINE})
 */
public record SimulationSettings(int answered, int busy, int noAnswer, int failed, Duration minRing,
        Duration maxRing, Duration minTalk, Duration maxTalk, boolean outOfOrder, boolean duplicates, long seed,
        int machinePercent) {

    /**
     * Settings where no answering machine answers.
     *
     * @param answered relative weight of answered calls (completed)
     * @param busy relative weight of busy
     * @param noAnswer relative weight of no_answer
     * @param failed relative weight of failed
     * @param minRing shortest ring before answer or busy
     * @param maxRing longest ring before answer or busy
     * @param minTalk shortest talk time of an answered call
     * @param maxTalk longest talk time of an answered call
     * @param outOfOrder shuffle events that fall due together
     * @param duplicates deliver every event twice
     * @param seed seed of the outcome and duration draws
     */
    public SimulationSettings(int answered, int busy, int noAnswer, int failed, Duration minRing, Duration maxRing,
            Duration minTalk, Duration maxTalk, boolean outOfOrder, boolean duplicates, long seed) {
        this(answered, busy, noAnswer, failed, minRing, maxRing, minTalk, maxTalk, outOfOrder, duplicates, seed, 0);
    }

    /**
     * Validates the components (see the record description).
     *
     * @param answered relative weight of answered calls (completed)
     * @param busy relative weight of busy
     * @param noAnswer relative weight of no_answer (rings for the request's ring timeout)
     * @param failed relative weight of failed
     * @param minRing shortest ring before answer or busy
     * @param maxRing longest ring before answer or busy
     * @param minTalk shortest talk time of an answered call
     * @param maxTalk longest talk time of an answered call
     * @param outOfOrder shuffle events that fall due together
     * @param duplicates deliver every event twice
     * @param seed seed of the outcome and duration draws, for repeatable runs
     * @param machinePercent of the answered calls, the percentage (0-100) answered by a machine
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of minRing, maxRing, minTalk, maxTalk is null
     */
    public SimulationSettings {
        if (answered < 0 || busy < 0 || noAnswer < 0 || failed < 0 || answered + busy + noAnswer + failed == 0) {
            throw new IllegalArgumentException("outcome weights must be >= 0 with a positive sum, but were answered="
                    + answered + " busy=" + busy + " noAnswer=" + noAnswer + " failed=" + failed);
        }
        if (machinePercent < 0 || machinePercent > 100) {
            throw new IllegalArgumentException("machinePercent must be between 0 and 100, but was " + machinePercent);
        }
        Objects.requireNonNull(minRing, "minRing must not be null");
        Objects.requireNonNull(maxRing, "maxRing must not be null");
        Objects.requireNonNull(minTalk, "minTalk must not be null");
        Objects.requireNonNull(maxTalk, "maxTalk must not be null");
        if (minRing.isNegative() || maxRing.compareTo(minRing) < 0) {
            throw new IllegalArgumentException("ring range must satisfy 0 <= minRing <= maxRing, but was " + minRing
                    + ".." + maxRing);
        }
        if (minTalk.isNegative() || maxTalk.compareTo(minTalk) < 0) {
            throw new IllegalArgumentException("talk range must satisfy 0 <= minTalk <= maxTalk, but was " + minTalk
                    + ".." + maxTalk);
        }
    }

    /**
     * 70% answered, 10% busy, 15% no answer, 5% failed; 2-8 s ring, 10-120 s talk.
     *
     * @return the default settings, seed 42
     */
    public static SimulationSettings ofDefaults() {
        return new SimulationSettings(70, 10, 15, 5, Duration.ofSeconds(2), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(120), false, false, 42);
    }

    /**
     * A copy with another outcome mix; the weights are relative.
     *
     * @param answeredWeight weight of answered calls
     * @param busyWeight weight of busy
     * @param noAnswerWeight weight of no_answer
     * @param failedWeight weight of failed
     * @return the copy
     * @throws IllegalArgumentException if a weight is negative or all are zero
     */
    public SimulationSettings withMix(int answeredWeight, int busyWeight, int noAnswerWeight, int failedWeight) {
        return new SimulationSettings(answeredWeight, busyWeight, noAnswerWeight, failedWeight, minRing, maxRing,
                minTalk, maxTalk, outOfOrder, duplicates, seed, machinePercent);
    }

    /**
     * A copy with another ring range.
     *
     * @param min shortest ring
     * @param max longest ring, not below min
     * @return the copy
     * @throws IllegalArgumentException if the range is invalid
     */
    public SimulationSettings withRing(Duration min, Duration max) {
        return new SimulationSettings(answered, busy, noAnswer, failed, min, max, minTalk, maxTalk, outOfOrder,
                duplicates, seed, machinePercent);
    }

    /**
     * A copy with another talk range for answered calls.
     *
     * @param min shortest talk time, not negative
     * @param max longest talk time, not below min
     * @return the copy
     * @throws IllegalArgumentException if the range is invalid
     */
    public SimulationSettings withTalk(Duration min, Duration max) {
        return new SimulationSettings(answered, busy, noAnswer, failed, minRing, maxRing, min, max, outOfOrder,
                duplicates, seed, machinePercent);
    }

    /**
     * A copy with other carrier quirks.
     *
     * @param shuffle shuffle events that fall due together
     * @param twice deliver every event twice
     * @return the copy
     */
    public SimulationSettings withQuirks(boolean shuffle, boolean twice) {
        return new SimulationSettings(answered, busy, noAnswer, failed, minRing, maxRing, minTalk, maxTalk, shuffle,
                twice, seed, machinePercent);
    }

    /**
     * A copy with another seed.
     *
     * @param value the seed of the outcome and duration draws
     * @return the copy
     */
    public SimulationSettings withSeed(long value) {
        return new SimulationSettings(answered, busy, noAnswer, failed, minRing, maxRing, minTalk, maxTalk,
                outOfOrder, duplicates, value, machinePercent);
    }

    /**
     * A copy where {@code percent} of the answered calls are answered by a machine.
     *
     * @param percent 0 to 100
     * @return the copy
     * @throws IllegalArgumentException if percent is outside 0-100
     */
    public SimulationSettings withMachines(int percent) {
        return new SimulationSettings(answered, busy, noAnswer, failed, minRing, maxRing, minTalk, maxTalk, outOfOrder,
                duplicates, seed, percent);
    }

    SimulatedOutcome pick(Random random) {
        int r = random.nextInt(answered + busy + noAnswer + failed);
        if (r < answered) {
            return machinePercent > 0 && random.nextInt(100) < machinePercent ? SimulatedOutcome.MACHINE
                    : SimulatedOutcome.ANSWERED;
        }
        if (r < answered + busy) {
            return SimulatedOutcome.BUSY;
        }
        return r < answered + busy + noAnswer ? SimulatedOutcome.NO_ANSWER : SimulatedOutcome.FAILED;
    }

    Duration ringTime(Random random, Duration ringTimeout, SimulatedOutcome outcome) {
        if (outcome == SimulatedOutcome.NO_ANSWER) {
            return ringTimeout;
        }
        if (outcome == SimulatedOutcome.FAILED) {
            return Duration.ofMillis(Math.min(1000, maxRing.toMillis()));
        }
        return between(random, minRing, maxRing);
    }

    Duration talkTime(Random random, SimulatedOutcome outcome) {
        return outcome.terminal() == io.batchcall.model.RecipientStatus.COMPLETED ? between(random, minTalk, maxTalk)
                : Duration.ZERO;
    }

    private static Duration between(Random random, Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return min.plusMillis(span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
    }
}
