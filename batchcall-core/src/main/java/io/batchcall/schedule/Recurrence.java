package io.batchcall.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a recurring series runs: a {@link #of periodic} schedule (every N hours, days, weeks or
 * months) or a {@link #cron cron} schedule, starting at an anchor instant in a series zone, with an
 * {@link EndCondition}.
 *
 * <p>Occurrence {@code k} is computed from the anchor, never from the previous run, so runs never
 * drift. Occurrences are strictly increasing in {@code k}. Every query is a pure function: nothing
 * reads a clock. Implementations are immutable values with {@code equals}/{@code hashCode} and are
 * thread-safe.
 *
 * <p>The engine's use: after a run, {@link #firstAfter(Instant) firstAfter(now)} gives the next
 * occurrence and its index; missed occurrences are skipped because nothing before {@code now} is
 * returned, and the index keys the unique (series, occurrence) child.
 */
public sealed interface Recurrence permits PeriodicRecurrence, CronRecurrence {

    /**
     * A periodic series that never ends; see {@link PeriodicRecurrence} for the DST rules.
     *
     * @param frequency the step unit
     * @return the series
     * @param interval N, {@code >= 1}: run every N units of {@code frequency}
     * @param anchor   the first occurrence (index 0)
     * @param zone     the zone whose wall clock daily, weekly and monthly series keep
     * @throws IllegalArgumentException on a null argument or {@code interval < 1}
     */
    static PeriodicRecurrence of(Frequency frequency, int interval, Instant anchor, ZoneId zone) {
        return new PeriodicRecurrence(frequency, interval, anchor, zone, EndCondition.never());
    }

    /**
     * Like {@link #of}, taking anchor and zone from {@code anchor}.
     *
     * @param interval N, {@code >= 1}: run every N units of {@code frequency}
     * @param frequency the step unit
     * @param anchor the first occurrence and, through its zone, the series zone
     * @return the series
     * @throws IllegalArgumentException on a null argument or {@code interval < 1}
     */
    static PeriodicRecurrence every(int interval, Frequency frequency, ZonedDateTime anchor) {
        Require.notNull(anchor, "recurrence anchor");
        return of(frequency, interval, anchor.toInstant(), anchor.getZone());
    }

    /**
     * A cron series (UNIX 5-field dialect, see {@link CronRecurrence}) whose first occurrence is
     * the first matching instant at or after {@code anchor}.
     *
     * @param expression five fields: minute hour day-of-month month day-of-week
     * @param zone the zone whose wall clock the expression is read in
     * @param anchor no occurrence lies before it
     * @return the series
     * @throws IllegalArgumentException naming the expression and the parser's reason if it does not
     *                                  parse; on a null argument
     */
    static CronRecurrence cron(String expression, ZoneId zone, Instant anchor) {
        return new CronRecurrence(expression, zone, anchor, EndCondition.never());
    }

    /**
     * The first occurrence's reference point (for periodic series, occurrence 0 itself).
     *
     * @return the anchor instant
     */
    Instant anchor();

    /**
     * The zone whose wall clock the series follows.
     *
     * @return the series zone
     */
    ZoneId zone();

    /**
     * When the series stops.
     *
     * @return the end condition; never null
     */
    EndCondition end();

    /**
     * This series with another end condition.
     *
     * @param end the new end condition; not null
     * @return the new series
     * @throws IllegalArgumentException if an {@link EndCondition.Until} lies before the anchor
     */
    Recurrence withEnd(EndCondition end);

    /**
     * This series ending after {@code runs} occurrences.
     *
     * @param runs the number of runs, at least 1
     * @return the new series
     * @throws IllegalArgumentException if runs is less than 1
     */
    default Recurrence endingAfter(long runs) {
        return withEnd(EndCondition.afterRuns(runs));
    }

    /**
     * This series ending at {@code until}, inclusive.
     *
     * @param until the last instant an occurrence may have, inclusive
     * @return the new series
     * @throws IllegalArgumentException if until lies before the anchor
     */
    default Recurrence endingAt(Instant until) {
        return withEnd(EndCondition.until(until));
    }

    /**
     * Occurrence {@code index}, or empty when the end condition excludes it (or it would lie beyond
     * the range of {@link Instant}).
     *
     * @param index 0 for the first occurrence
     * @return the occurrence's instant, or empty
     * @throws IllegalArgumentException if {@code index < 0}
     */
    Optional<Instant> occurrence(long index);

    /**
     * The first occurrence strictly after {@code t}, with its index; empty when the series has
     * ended by then. O(1) for periodic series; O(k) for cron series, which count indexes from the
     * anchor (use {@link #firstAfter(Instant, Occurrence)} to resume from the last known run).
     *
     * @param t the instant to search after
     * @return the next occurrence and its index, or empty
     */
    Optional<Occurrence> firstAfter(Instant t);

    /**
     * Like {@link #firstAfter(Instant)}, resuming the search from {@code known}, an occurrence
     * earlier obtained from this same recurrence. Periodic series compute directly and ignore the
     * hint; cron series count forward from it instead of from the anchor. {@code known} is trusted
     * as to its index; it is ignored if it lies after {@code t}.
     *
     * @param t the instant to search after
     * @param known an earlier occurrence of this recurrence; may be null
     * @return the next occurrence and its index, or empty
     */
    default Optional<Occurrence> firstAfter(Instant t, Occurrence known) {
        return firstAfter(t);
    }

    /**
     * The instant of {@link #firstAfter(Instant)}.
     *
     * @param t the instant to search after
     * @return the next occurrence's instant, or empty
     */
    default Optional<Instant> nextAfter(Instant t) {
        return firstAfter(t).map(Occurrence::at);
    }

    /**
     * Whether the series ends after a fixed number of runs.
     *
     * @return true for an {@link EndCondition} that counts runs
     */
    default boolean endsAfterRuns() {
        return end() instanceof EndCondition.AfterRuns;
    }

    /**
     * The number of runs when {@link #endsAfterRuns()}, else empty.
     *
     * @return the run count, or empty
     */
    default OptionalLong maxRuns() {
        return end() instanceof EndCondition.AfterRuns after ? OptionalLong.of(after.runs()) : OptionalLong.empty();
    }

    /**
     * The inclusive last instant when the series ends at an instant, else empty.
     *
     * @return the last instant, or empty
     */
    default Optional<Instant> until() {
        return end() instanceof EndCondition.Until until ? Optional.of(until.until()) : Optional.empty();
    }
}
