package io.batchcall.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A series following a cron expression in the <b>UNIX 5-field dialect</b> ({@code minute hour
 * day-of-month month day-of-week}, e.g. {@code "30 2 * * 1-5"}), evaluated by cron-utils on the
 * wall clock of {@link #zone()}.
 *
 * <p><b>Indexes.</b> Occurrence 0 is the first matching instant at or after the anchor; occurrence
 * {@code k + 1} is cron-utils' next execution after occurrence {@code k}. Indexes are therefore
 * counted from the anchor, and {@link #occurrence(long)} and {@link #firstAfter(Instant)} cost
 * O(k) evaluations; {@link #firstAfter(Instant, Occurrence)} resumes from a known occurrence and
 * costs only the occurrences in between.
 *
 * <p><b>Daylight saving</b> (cron-utils 9.2.1, observed and pinned by tests). Unlike
 * {@link PeriodicRecurrence}: a local time in a spring-forward gap is <em>skipped</em> — {@code
 * "30 2 * * *"} in America/New_York has no run on 2026-03-08. In a fall-back overlap an expression
 * matching once in the repeated hour runs once, at the earlier instant ({@code "30 1 * * *"} runs
 * at 01:30 EDT on 2026-11-01); an expression matching several times in that hour (e.g. {@code
 * "0 * * * *"}, <code>"*&#47;20 1 * * *"</code>) runs again in the second pass (01:00 EDT and 01:00 EST).
 */
public final class CronRecurrence implements Recurrence {

    private final String expression;
    private final ZoneId zone;
    private final Instant anchor;
    private final EndCondition end;
    private final ExecutionTime executionTime;

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

    private Optional<Instant> next(Instant after) {
        Optional<Instant> result = executionTime.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
        if (result.isPresent() && !result.get().isAfter(after)) {
            throw new IllegalStateException("cron-utils returned " + result.get() + " as the execution after "
                    + after + " for '" + expression + "' in " + zone);
        }
        return result;
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
