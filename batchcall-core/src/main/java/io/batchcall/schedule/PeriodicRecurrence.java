package io.batchcall.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Every {@code interval} hours, days, weeks or months from {@code anchor}.
 *
 * <p>Occurrence 0 is the anchor. Occurrence {@code k >= 1} is:
 * <ul>
 *   <li>{@link Frequency#HOURLY}: {@code anchor + k * interval} hours of elapsed time;</li>
 *   <li>{@link Frequency#DAILY}, {@link Frequency#WEEKLY}, {@link Frequency#MONTHLY}: the anchor's
 *       local date plus {@code k * interval} days, weeks or months, at the anchor's local time,
 *       resolved in {@code zone} as {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does: a time in
 *       a spring-forward gap runs shifted by the gap's length (02:30 becomes 03:30), a time in a
 *       fall-back overlap runs once, at the earlier instant. Months are added to the anchor, never
 *       chained, so a series anchored on the 31st runs on the last day of shorter months and on the
 *       31st again afterwards. No local day is skipped.</li>
 * </ul>
 * Occurrences beyond {@link Instant}'s range are treated as absent.
 *
 * @param frequency the step unit
 * @param interval  N, {@code >= 1}
 * @param anchor    occurrence 0
 * @param zone      the series zone
 * @param end       when the series stops; an {@link EndCondition.Until} may not precede the anchor
 */
public record PeriodicRecurrence(Frequency frequency, int interval, Instant anchor, ZoneId zone, EndCondition end)
        implements Recurrence {

    /**
     * Validates the components (see the record description).
     *
     * @param frequency the step unit
     * @param interval N, {@code >= 1}
     * @param anchor occurrence 0
     * @param zone the series zone
     * @param end when the series stops; an {@link EndCondition.Until} may not precede the anchor
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public PeriodicRecurrence {
        Require.notNull(frequency, "recurrence frequency");
        Require.notNull(anchor, "recurrence anchor");
        Require.notNull(zone, "recurrence zone");
        Require.notNull(end, "recurrence end");
        if (interval < 1) {
            throw new IllegalArgumentException("recurrence interval must be at least 1, but was " + interval);
        }
        Require.endNotBeforeAnchor(end, anchor);
    }

    @Override
    public PeriodicRecurrence withEnd(EndCondition newEnd) {
        return new PeriodicRecurrence(frequency, interval, anchor, zone, newEnd);
    }

    @Override
    public Optional<Instant> occurrence(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("occurrence index must be >= 0, but was " + index);
        }
        return at(index).filter(at -> end.allows(index, at));
    }

    @Override
    public Optional<Occurrence> firstAfter(Instant t) {
        Require.notNull(t, "instant");
        long k;
        try {
            k = estimate(t);
        } catch (DateTimeException e) {
            return Optional.empty(); // t lies beyond the local date range: no occurrence can follow it
        }
        while (k > 0 && at(k - 1).map(t::isBefore).orElse(true)) {
            k--;
        }
        Optional<Instant> at = at(k);
        while (at.isPresent() && !at.get().isAfter(t)) {
            at = at(++k);
        }
        long index = k;
        return at.filter(instant -> end.allows(index, instant)).map(instant -> new Occurrence(index, instant));
    }

    /** Occurrence {@code k} ignoring the end condition; empty beyond the supported range. */
    private Optional<Instant> at(long k) {
        if (k == 0) {
            return Optional.of(anchor);
        }
        try {
            long steps = Math.multiplyExact(k, (long) interval);
            if (frequency == Frequency.HOURLY) {
                return Optional.of(anchor.plus(Duration.ofHours(steps)));
            }
            LocalDateTime local = LocalDateTime.ofInstant(anchor, zone);
            LocalDateTime shifted = switch (frequency) {
                case DAILY -> local.plusDays(steps);
                case WEEKLY -> local.plusWeeks(steps);
                default -> local.plusMonths(steps);
            };
            return Optional.of(ZonedDateTime.of(shifted, zone).toInstant());
        } catch (ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A 0-based index at or just below the first occurrence after {@code t}. */
    private long estimate(Instant t) {
        if (!t.isAfter(anchor)) {
            return 0;
        }
        if (frequency == Frequency.HOURLY) {
            return Duration.between(anchor, t).dividedBy(Duration.ofHours(interval));
        }
        LocalDate from = LocalDate.ofInstant(anchor, zone);
        LocalDate to = LocalDate.ofInstant(t, zone);
        long units = switch (frequency) {
            case DAILY -> ChronoUnit.DAYS.between(from, to);
            case WEEKLY -> ChronoUnit.WEEKS.between(from, to);
            default -> ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to));
        };
        return Math.max(0, units / interval - 1);
    }

    @Override
    public String toString() {
        String what = frequency.describe(interval);
        if (frequency != Frequency.HOURLY) {
            what += " at " + LocalDateTime.ofInstant(anchor, zone).toLocalTime();
        }
        return what + " (" + zone + ") from " + anchor.atZone(zone).toOffsetDateTime() + ", " + end;
    }
}
