package io.batchcall.schedule;

import java.time.Instant;

/**
 * When a {@link Recurrence} stops: {@link #never()}, {@link #afterRuns(long) after N runs}, or
 * {@link #until(Instant) at an instant} (inclusive: an occurrence exactly at the instant runs).
 */
public sealed interface EndCondition {

    /**
     * The series runs forever.
     *
     * @return the shared never-ending condition
     */
    static EndCondition never() {
        return Never.INSTANCE;
    }

    /**
     * The series has exactly {@code runs} occurrences, indexes {@code 0..runs-1}.
     *
     * @param runs the number of occurrences, at least 1
     * @return the condition
     * @throws IllegalArgumentException if {@code runs < 1}
     */
    static EndCondition afterRuns(long runs) {
        return new AfterRuns(runs);
    }

    /**
     * The series has the occurrences at or before {@code until}.
     *
     * @param until the last instant an occurrence may have, inclusive
     * @return the condition
     * @throws IllegalArgumentException if {@code until} is null
     */
    static EndCondition until(Instant until) {
        return new Until(until);
    }

    /**
     * Whether occurrence {@code index}, due at {@code at}, is still part of the series.
     *
     * @param index the occurrence index, 0 for the first
     * @param at when that occurrence is due
     * @return true when the occurrence still belongs to the series
     */
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

    /**
     * See {@link #afterRuns(long)}.
     *
     * @param runs the number of occurrences, at least 1
     */
    record AfterRuns(long runs) implements EndCondition {
        /**
         * Validates the count.
         *
         * @param runs the number of occurrences, at least 1
         * @throws IllegalArgumentException if {@code runs < 1}
         */
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

    /**
     * See {@link #until(Instant)}.
     *
     * @param until the last instant an occurrence may have, inclusive
     */
    record Until(Instant until) implements EndCondition {
        /**
         * Validates the instant.
         *
         * @param until the last instant an occurrence may have, inclusive; not null
         * @throws IllegalArgumentException if {@code until} is null
         */
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
