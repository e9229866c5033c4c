package io.batchcall.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A series following a cron expression in the <b>UNIX 5-field dialect</b> ({@code minute hour
 * day-of-month month day-of-week}, e.g. {@code "30 2 * * 1-5"}), evaluated by cron-utils on the
 * wall clock of {@link #zone()}.
 *
 * <p><b>Indexes.</b> Occurrence 0 is the first matching instant at or after the anchor; occurrence
 * {@code k + 1} is the next run after occurrence {@code k}. Indexes are therefore
 * counted from the anchor, and {@link #occurrence(long)} and {@link #firstAfter(Instant)} cost
 * O(k) evaluations; {@link #firstAfter(Instant, Occurrence)} resumes from a known occurrence and
 * costs only the occurrences in between.
 *
 * <p><b>Daylight saving.</b> The expression is matched against <em>local</em> wall-clock times
 * (cron-utils evaluates it on a clock without transitions); batchcall then maps each matching
 * local time to instants in {@link #zone()} by these rules:
 * <ul>
 *   <li>A local time inside a spring-forward gap does not exist and is <em>skipped</em>: {@code
 *       "30 2 * * *"} in America/New_York has no run on 2026-03-08. Times at or after the end of
 *       the gap run normally ({@code "45 2 * * *"} in Australia/Lord_Howe, whose clocks go from
 *       02:00 to 02:30, runs at 02:45 on the change day).</li>
 *   <li>A local time inside a fall-back overlap runs once, at the earlier instant ({@code
 *       "30 1 * * *"} runs at 01:30 EDT on 2026-11-01), unless the hour field is {@code *}: such
 *       expressions follow elapsed time and run in both passes of the repeated hour, as classic
 *       cron does for wildcard jobs ({@code "0 * * * *"} runs at 01:00 EDT and at 01:00 EST).</li>
 * </ul>
 * Unlike {@link PeriodicRecurrence}, which shifts a time in a gap forward, a cron series keeps
 * the wall-clock meaning of its expression.
 */
public final class CronRecurrence implements Recurrence {

    private final String expression;
    private final ZoneId zone;
    private final Instant anchor;
    private final EndCondition end;
    private final ExecutionTime executionTime;
    private final boolean everyHour;

    CronRecurrence(String expression, ZoneId zone, Instant anchor, EndCondition end) {
        this(expression, zone, anchor, end, parse(expression));
    }

    private CronRecurrence(String expression, ZoneId zone, Instant anchor, EndCondition end, ExecutionTime parsed) {
        this.expression = expression.trim();
        this.zone = Require.notNull(zone, "recurrence zone");
        this.anchor = Require.notNull(anchor, "recurrence anchor");
        this.end = Require.notNull(end, "recurrence end");
        Require.endNotBeforeAnchor(end, anchor);
        this.executionTime = parsed;
        String[] fields = this.expression.split("\\s+");
        this.everyHour = fields.length > 1 && (fields[1].equals("*") || fields[1].equals("*/1"));
    }

    /** The expression as given, trimmed. */
    public String expression() {
        return expression;
    }

    @Override
    public Instant anchor() {
        return anchor;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public EndCondition end() {
        return end;
    }

    @Override
    public CronRecurrence withEnd(EndCondition newEnd) {
        return new CronRecurrence(expression, zone, anchor, newEnd, executionTime);
    }

    @Override
    public Optional<Instant> occurrence(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("occurrence index must be >= 0, but was " + index);
        }
        Optional<Instant> at = first();
        for (long k = 0; k < index && at.isPresent() && end.allows(k, at.get()); k++) {
            at = next(at.get());
        }
        return at.filter(instant -> end.allows(index, instant));
    }

    @Override
    public Optional<Occurrence> firstAfter(Instant t) {
        Require.notNull(t, "instant");
        return first().flatMap(at -> scan(new Occurrence(0, at), t));
    }

    @Override
    public Optional<Occurrence> firstAfter(Instant t, Occurrence known) {
        Require.notNull(t, "instant");
        if (known == null || known.at().isAfter(t) || known.at().isBefore(anchor)) {
            return firstAfter(t);
        }
        return scan(known, t);
    }

    /** Walks forward from {@code from} to the first occurrence after {@code t}, stopping at the end. */
    private Optional<Occurrence> scan(Occurrence from, Instant t) {
        Occurrence current = from;
        while (end.allows(current.index(), current.at())) {
            if (current.at().isAfter(t)) {
                return Optional.of(current);
            }
            Optional<Instant> following = next(current.at());
            if (following.isEmpty()) {
                return Optional.empty();
            }
            current = new Occurrence(current.index() + 1, following.get());
        }
        return Optional.empty();
    }

    /** The first execution at or after the anchor. */
    private Optional<Instant> first() {
        Optional<Instant> at = next(anchor.minusSeconds(1));
        while (at.isPresent() && at.get().isBefore(anchor)) {
            at = next(at.get());
        }
        return at;
    }

    /**
     * The smallest instant after {@code after} whose local time matches, under the DST rules in
     * the class comment.
     */
    private Optional<Instant> next(Instant after) {
        ZoneRules rules = zone.getRules();
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        Instant best = null;
        // In the first pass of a repeated hour, an every-hour expression's next run may be a
        // second-pass run of a local time at or before the current one.
        ZoneOffsetTransition overlap = rules.getTransition(local);
        if (everyHour && overlap != null && overlap.isOverlap()
                && rules.getOffset(after).equals(overlap.getOffsetBefore())) {
            Optional<LocalDateTime> m = nextLocal(overlap.getDateTimeAfter().minusSeconds(1));
            if (m.isPresent() && m.get().isBefore(overlap.getDateTimeBefore())) {
                best = m.get().toInstant(overlap.getOffsetAfter());
            }
        }
        // Local matches after the current local time: the first one with an instant after `after`.
        Optional<LocalDateTime> m = nextLocal(local);
        while (m.isPresent()) {
            Instant candidate = firstInstantAfter(rules, m.get(), after);
            if (candidate != null) {
                if (best == null || candidate.isBefore(best)) {
                    best = candidate;
                }
                break;
            }
            m = nextLocal(m.get());
        }
        return Optional.ofNullable(best);
    }

    /** The earliest run of local time {@code m} after {@code after}, or null (gap, or already passed). */
    private Instant firstInstantAfter(ZoneRules rules, LocalDateTime m, Instant after) {
        List<ZoneOffset> offsets = rules.getValidOffsets(m);
        if (offsets.isEmpty()) {
            return null;
        }
        Instant earlier = m.toInstant(offsets.get(0));
        if (offsets.size() == 2) {
            Instant later = m.toInstant(offsets.get(1));
            if (later.isBefore(earlier)) {
                Instant swap = earlier;
                earlier = later;
                later = swap;
            }
            if (!earlier.isAfter(after)) {
                return everyHour && later.isAfter(after) ? later : null;
            }
        }
        return earlier.isAfter(after) ? earlier : null;
    }

    /** The first local date-time strictly after {@code local} that the expression matches. */
    private Optional<LocalDateTime> nextLocal(LocalDateTime local) {
        return executionTime.nextExecution(local.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
    }

    private static ExecutionTime parse(String expression) {
        Require.notNull(expression, "cron expression");
        try {
            Cron cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
                    .parse(expression.trim())
                    .validate();
            return ExecutionTime.forCron(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron expression '" + expression
                    + "' is not a valid UNIX 5-field cron expression (minute hour day-of-month month day-of-week): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronRecurrence other
                && expression.equals(other.expression)
                && zone.equals(other.zone)
                && anchor.equals(other.anchor)
                && end.equals(other.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, zone, anchor, end);
    }

    @Override
    public String toString() {
        return "cron '" + expression + "' (" + zone + ") from " + anchor.atZone(zone).toOffsetDateTime() + ", " + end;
    }
}
