package io.batchcall.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A series following a cron expression in the <b>UNIX 5-field dialect</b> ({@code minute hour
 * day-of-month month day-of-week}, e.g. {@code "30 2 * * 1-5"}), evaluated by cron-utils on the
 * wall clock of {@link #zone()}.
 *
 * <p><b>Indexes.</b> Occurrence 0 is the first matching instant at or after the anchor; occurrence
 * {@code k + 1} is the next run after occurrence {@code k}. The next run after an instant is found
 * directly from that instant (never by walking from the anchor), and its index by <em>counting</em>
 * the occurrences in between, day by day: the expression's times of day are a fixed set
 * (hours × minutes), so a day counts as that set's size when its date matches, with the times in a
 * spring-forward gap taken away and, for every-hour expressions, the second pass of a repeated hour
 * added. {@link #firstAfter(Instant)} and {@link #occurrence(long)} therefore cost O(days since
 * the anchor) cheap steps (a ten-year-old {@code * * * * *} series advances in milliseconds), and
 * {@link #firstAfter(Instant, Occurrence)} O(days since the known occurrence).
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
    /** Lazily made; a race makes two equal counters, which is harmless. */
    private volatile Counter counter;
    /** How far {@link #occurrence(long)} searches: some 10,000 years. */
    private static final long MAX_SEARCH_SECONDS = 10_000L * 366 * 86_400;

    CronRecurrence(String expression, ZoneId zone, Instant anchor, EndCondition end) {
        this(expression, zone, anchor, end, parse(expression), null);
    }

    private CronRecurrence(String expression, ZoneId zone, Instant anchor, EndCondition end, ExecutionTime parsed,
            Counter counter) {
        this.counter = counter;
        this.expression = expression.trim();
        this.zone = Require.notNull(zone, "recurrence zone");
        this.anchor = Require.notNull(anchor, "recurrence anchor");
        this.end = Require.notNull(end, "recurrence end");
        Require.endNotBeforeAnchor(end, anchor);
        this.executionTime = parsed;
        String[] fields = this.expression.split("\\s+");
        this.everyHour = fields.length > 1 && (fields[1].equals("*") || fields[1].equals("*/1"));
    }

    /**
     * The expression as given, trimmed.
     *
     * @return the five-field expression
     */
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
        return new CronRecurrence(expression, zone, anchor, newEnd, executionTime, counter);
    }

    @Override
    public Optional<Instant> occurrence(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("occurrence index must be >= 0, but was " + index);
        }
        Optional<Instant> first = first();
        if (first.isEmpty() || index == 0) {
            return first.filter(instant -> end.allows(index, instant));
        }
        // the smallest instant before which more than `index` occurrences lie, found by doubling then bisecting
        Instant from = first.get();
        long span = 86_400;
        while (counter().count(from, plusSeconds(from, span)) <= index) {
            if (span > MAX_SEARCH_SECONDS) {
                return Optional.empty();
            }
            span *= 2;
        }
        long low = 0; // count(from, from + low) <= index
        long high = span; // count(from, from + high) > index
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (counter().count(from, from.plusSeconds(mid)) <= index) {
                low = mid;
            } else {
                high = mid;
            }
        }
        // occurrence `index` lies in [from + low, from + high): it is from + low, or the next run after it
        Instant candidate = from.plusSeconds(low);
        Optional<Instant> at = next(candidate.minusNanos(1));
        return at.filter(instant -> end.allows(index, instant));
    }

    private static Instant plusSeconds(Instant from, long seconds) {
        return seconds > Instant.MAX.getEpochSecond() - from.getEpochSecond() ? Instant.MAX : from.plusSeconds(seconds);
    }

    @Override
    public Optional<Occurrence> firstAfter(Instant t) {
        Require.notNull(t, "instant");
        return first().flatMap(at -> jump(new Occurrence(0, at), t));
    }

    @Override
    public Optional<Occurrence> firstAfter(Instant t, Occurrence known) {
        Require.notNull(t, "instant");
        if (known == null || known.at().isAfter(t) || known.at().isBefore(anchor)) {
            return firstAfter(t);
        }
        return jump(known, t);
    }

    /**
     * The first occurrence after {@code t}, found from {@code t} itself; its index is
     * {@code from}'s plus the occurrences counted from {@code from} up to it.
     */
    private Optional<Occurrence> jump(Occurrence from, Instant t) {
        Occurrence found;
        if (from.at().isAfter(t)) {
            found = from;
        } else {
            Optional<Instant> target = next(t);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            long between = t.equals(from.at()) ? 1 : counter().count(from.at(), target.get()); // 1: the next run
            found = new Occurrence(from.index() + between, target.get());
        }
        return end.allows(found.index(), found.at()) ? Optional.of(found) : Optional.empty();
    }

    /** The occurrence counter, made on first use (the instance stays immutable in meaning). */
    private Counter counter() {
        Counter c = counter;
        if (c == null) {
            c = new Counter();
            counter = c;
        }
        return c;
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

    /**
     * Counts occurrences between two instants without visiting them: per stretch of constant UTC
     * offset, the matching local minutes in the stretch's local range (which leaves out a gap's
     * times, as no instant has them), less the second pass of a repeated hour unless the hour
     * field is {@code *}. Matching local minutes are counted per day from the fixed set of times
     * of day and a cached answer to "does this date match" (which depends only on month, day of
     * month, day of week and the month's length). Thread-safe.
     */
    private final class Counter {
        private final int[] times; // matching minutes of the day, ascending; empty if the expression never matches
        private final Map<Integer, Boolean> dates = new ConcurrentHashMap<>();
        // a date field that is * cannot change whether a date matches: left out of the cache key
        private boolean anyDay;
        private boolean anyMonth;
        private boolean anyWeekday;

        Counter() {
            Optional<LocalDateTime> sample = nextLocal(LocalDateTime.of(1999, 12, 31, 23, 59));
            if (sample.isEmpty()) {
                times = new int[0];
                return;
            }
            LocalDateTime any = sample.get();
            String[] fields = expression.split("\\s+");
            int[] hours = new int[24];
            int h = 0;
            for (int hour = 0; hour < 24; hour++) {
                if (fields[1].equals("*") || matches(any.withHour(hour))) {
                    hours[h++] = hour;
                }
            }
            int[] minutes = new int[60];
            int m = 0;
            for (int minute = 0; minute < 60; minute++) {
                if (fields[0].equals("*") || matches(any.withMinute(minute))) {
                    minutes[m++] = minute;
                }
            }
            anyDay = fields[2].equals("*");
            anyMonth = fields[3].equals("*");
            anyWeekday = fields[4].equals("*");
            times = new int[h * m];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < m; j++) {
                    times[i * m + j] = hours[i] * 60 + minutes[j];
                }
            }
        }

        /** The number of occurrences in {@code [from, to)}. */
        long count(Instant from, Instant to) {
            if (times.length == 0 || !from.isBefore(to)) {
                return 0;
            }
            ZoneRules rules = zone.getRules();
            long total = 0;
            Instant start = from;
            while (start.isBefore(to)) {
                ZoneOffsetTransition following = rules.nextTransition(start);
                Instant stop = following == null || !following.getInstant().isBefore(to) ? to : following.getInstant();
                ZoneOffset offset = rules.getOffset(start);
                LocalDateTime localStart = LocalDateTime.ofInstant(start, offset);
                LocalDateTime localStop = LocalDateTime.ofInstant(stop, offset);
                total += local(localStart, localStop);
                ZoneOffsetTransition previous = rules.previousTransition(start.plusNanos(1));
                if (!everyHour && previous != null && previous.isOverlap()) {
                    // local times of the repeated hour met again after the clocks went back: not runs
                    LocalDateTime repeatFrom = max(localStart, previous.getDateTimeAfter());
                    LocalDateTime repeatTo = min(localStop, previous.getDateTimeBefore());
                    total -= local(repeatFrom, repeatTo);
                }
                start = stop;
            }
            return total;
        }

        /** Matching local minutes in {@code [from, to)}. */
        private long local(LocalDateTime from, LocalDateTime to) {
            long total = 0;
            LocalDate lastDay = to.toLocalDate();
            for (LocalDate day = from.toLocalDate(); from.isBefore(to) && !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (!dateMatches(day)) {
                    continue;
                }
                int low = day.equals(from.toLocalDate()) ? minuteCeiling(from) : 0;
                int high = day.equals(lastDay) ? minuteCeiling(to) : 1440;
                if (low < high) {
                    total += index(high) - index(low);
                }
            }
            return total;
        }

        /** How many matching times of day lie before minute {@code minuteOfDay}. */
        private int index(int minuteOfDay) {
            int i = Arrays.binarySearch(times, minuteOfDay);
            return i >= 0 ? i : -i - 1;
        }

        private boolean dateMatches(LocalDate day) {
            int key = (((anyMonth ? 0 : day.getMonthValue()) * 32 + (anyDay ? 0 : day.getDayOfMonth())) * 8
                    + (anyWeekday ? 0 : day.getDayOfWeek().getValue())) * 4 + (anyDay ? 0 : day.lengthOfMonth() - 28);
            return dates.computeIfAbsent(key, k -> matches(day.atTime(times[0] / 60, times[0] % 60)));
        }
    }

    /** Whether the expression matches local time {@code t} (whole minutes). */
    private boolean matches(LocalDateTime t) {
        return nextLocal(t.minusMinutes(1)).filter(t::equals).isPresent();
    }

    /** The minute of the day of the first whole minute at or after {@code t}. */
    private static int minuteCeiling(LocalDateTime t) {
        int minute = t.getHour() * 60 + t.getMinute();
        return t.getSecond() > 0 || t.getNano() > 0 ? minute + 1 : minute;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
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
