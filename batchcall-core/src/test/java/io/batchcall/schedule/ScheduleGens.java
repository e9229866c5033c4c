package io.batchcall.schedule;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for zones, local times, instants near DST transitions and windows. */
final class ScheduleGens {

    /** Awkward zones: +05:45, US and EU DST, a 30-minute DST, DST at midnight, and none. */
    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Africa/Cairo"), ZoneId.of("America/Santiago"),
            ZoneId.of("UTC"));

    static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2031-01-01T00:00:00Z");

    private static final Map<ZoneId, List<ZoneOffsetTransition>> TRANSITIONS = new ConcurrentHashMap<>();

    private ScheduleGens() {
    }

    static Gen<ZoneId> zones() {
        return arbitrary().pick(ZONES);
    }

    /** Local times at minute resolution, often on quarter hours and on the usual DST edges. */
    static Gen<LocalTime> times() {
        Gen<LocalTime> anyMinute = integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
        Gen<LocalTime> quarters = integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
        Gen<LocalTime> edges = arbitrary().pick(LocalTime.MIDNIGHT, LocalTime.of(0, 30), LocalTime.of(1, 0),
                LocalTime.of(1, 30), LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(3, 0),
                LocalTime.of(23, 0), LocalTime.of(23, 30));
        return Generate.oneOf(anyMinute, quarters, edges);
    }

    static Gen<Set<DayOfWeek>> daySets() {
        Gen<Set<DayOfWeek>> masks = integers().between(1, 127).map(mask -> {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if ((mask & (1 << day.ordinal())) != 0) {
                    days.add(day);
                }
            }
            return days;
        });
        return masks.mix(arbitrary().pick(List.<Set<DayOfWeek>>of(CallWindow.WEEKDAYS, CallWindow.EVERY_DAY)), 20);
    }

    /**
     * Day windows, overnight windows, windows ending at midnight and 24-hour windows; half of them
     * short windows whose edges lie near the local time at which their zone changes offset.
     */
    static Gen<CallWindow> windows() {
        Gen<CallWindow> anyWindow = times().zip(times(), daySets(), zones(), integers().between(0, 9),
                (start, end, days, zone, kind) -> kind == 0 || start.equals(end)
                        ? CallWindow.allDay(days, zone) : new CallWindow(start, end, days, zone));
        Gen<CallWindow> nearDst = arbitrary().pick(dstZones()).zip(integers().between(0, 10_000),
                integers().between(-18, 18), integers().between(1, 30), daySets(),
                (zone, pick, startSteps, lengthSteps, days) -> {
                    List<ZoneOffsetTransition> transitions = zoneTransitions(zone);
                    LocalTime edge = transitions.get(pick % transitions.size()).getDateTimeBefore().toLocalTime();
                    LocalTime start = edge.plusMinutes(5L * startSteps);
                    return new CallWindow(start, start.plusMinutes(5L * lengthSteps), days, zone);
                });
        return anyWindow.mix(nearDst, 50);
    }

    /** The zones of {@link #ZONES} that change offset in 2020–2030. */
    static List<ZoneId> dstZones() {
        return ZONES.stream().filter(zone -> !transitions(zone).isEmpty()).toList();
    }

    /** An instant in 2020–2030; for even {@code pick}, within ±2.5 days of one of {@code zone}'s transitions. */
    static Instant instant(ZoneId zone, int pick, long minutesFromTransition, long randomMinute, int seconds) {
        List<Instant> transitions = transitions(zone);
        Instant base = pick % 2 == 0 && !transitions.isEmpty()
                ? transitions.get(pick / 2 % transitions.size()).plusSeconds(60 * minutesFromTransition)
                : FROM.plusSeconds(60 * randomMinute);
        return base.plusSeconds(seconds < 30 ? 0 : seconds - 30);
    }

    /** Arguments for {@link #instant}: a transition pick, an offset, a random minute, seconds. */
    static Gen<int[]> instantSeeds() {
        return integers().between(0, 10_000).zip(integers().between(-3600, 3600).mix(integers().between(-240, 240)),
                integers().between(0, (int) ((TO.getEpochSecond() - FROM.getEpochSecond()) / 60)),
                integers().between(0, 89), (a, b, c, d) -> new int[] {a, b, c, d});
    }

    static Instant instant(ZoneId zone, int[] seed) {
        return instant(zone, seed[0], seed[1], seed[2], seed[3]);
    }

    /** Anchors: local date-times near DST days, resolved to the earlier or later offset in overlaps. */
    static ZonedDateTime anchor(ZoneId zone, LocalTime time, int[] seed, boolean later) {
        LocalDate date = LocalDate.ofInstant(instant(zone, seed), zone);
        ZonedDateTime zoned = ZonedDateTime.of(LocalDateTime.of(date, time), zone);
        return later ? zoned.withLaterOffsetAtOverlap() : zoned;
    }

    static List<Instant> transitions(ZoneId zone) {
        return zoneTransitions(zone).stream().map(ZoneOffsetTransition::getInstant).toList();
    }

    static List<ZoneOffsetTransition> zoneTransitions(ZoneId zone) {
        return TRANSITIONS.computeIfAbsent(zone, z -> {
            List<ZoneOffsetTransition> result = new ArrayList<>();
            ZoneOffsetTransition t = z.getRules().nextTransition(FROM);
            while (t != null && t.getInstant().isBefore(TO)) {
                result.add(t);
                t = z.getRules().nextTransition(t.getInstant());
            }
            return result;
        });
    }
}
