package io.batchcall.schedule;

import java.time.Instant;

/**
 * When a {@link Recurrence} stops: {@link #never()}, {@link #afterRuns(long) after N runs}, or
 * {@link #until(Instant) at an instant} (inclusive: an occurrence exactly at the instant runs).
 */
public sealed interface EndCondition {

    /** The series runs forever. */
    static EndCondition never() {
        return Never.INSTANCE;
    }

    /**
     * The series has exactly {@code runs} occurrences, indexes {@code 0..runs-1}.
     *
     * @throws IllegalArgumentException if {@code runs < 1}
     */
    static EndCondition afterRuns(long runs) {
        return new AfterRuns(runs);
    }

    /**
     * The series has the occurrences at or before {@code until}.
     *
     * @throws IllegalArgumentException if {@code until} is null
     */
    static EndCondition until(Instant until) {
        return new Until(until);
    }

    /** Whether occurrence {@code index}, due at {@code at}, is still part of the series. */
    boolean allows(long index, Instant at);

    /** See {@link #never()}. */
    record Never() implements EndCondition {
        static final Never INSTANCE = new Never();

        @Override
        public boolean allows(long index, Instant at) {
            return true;
        }

        @Override
        public String toString() {
            return "never ending";
        }
    }

    /** See {@link #afterRuns(long)}. */
    record AfterRuns(long runs) implements EndCondition {
        public AfterRuns {
            if (runs < 1) {
                throw new IllegalArgumentException("recurrence runs must be at least 1, but was " + runs);
            }
        }

        @Override
        public boolean allows(long index, Instant at) {
            return index < runs;
        }

        @Override
        public String toString() {
            return runs == 1 ? "once" : runs + " runs";
        }
    }

    /** See {@link #until(Instant)}. */
    record Until(Instant until) implements EndCondition {
        public Until {
            Require.notNull(until, "recurrence until");
        }

        @Override
        public boolean allows(long index, Instant at) {
            return !at.isAfter(until);
        }

        @Override
        public String toString() {
            return "until " + until;
        }
    }
}
