package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Old series: the next occurrence of a ten-year-old series is found from now and its index
 * counted, never walked from the anchor. (Walking took about 15 s per year of a
 * {@code * * * * *} series; these answers come from counting.) Expected indexes come from
 * independent arithmetic.
 */
class CronLongSeriesTest {
    private static final Instant ANCHOR = Instant.parse("2016-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:30Z");

    /** New York's rules under another id, handed out afresh (uncached) on every use, and counted. */
    private static final class CountingRules extends ZoneRulesProvider {
        static final String ID = "Test/CountingNewYork";
        static final AtomicLong USES = new AtomicLong();

        @Override
        protected Set<String> provideZoneIds() {
            return Set.of(ID);
        }

        @Override
        protected ZoneRules provideRules(String zoneId, boolean forCaching) {
            if (forCaching) {
                return null; // dynamic: ZoneId.getRules() comes back here each time
            }
            USES.incrementAndGet();
            return ZoneId.of("America/New_York").getRules();
        }

        @Override
        protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
            return new TreeMap<>();
        }
    }

    /**
     * The work does not grow with the series' age in occurrences: the zone's rules are consulted
     * a handful of times, where walking from the anchor consulted them for each of the 5,260,321
     * minutes since.
     */
    @Test
    void advancingATenYearOldSeriesDoesNotVisitItsOccurrences() {
        synchronized (CountingRules.class) {
            if (!ZoneId.getAvailableZoneIds().contains(CountingRules.ID)) {
                ZoneRulesProvider.registerProvider(new CountingRules());
            }
        }
        CronRecurrence r = Recurrence.cron("* * * * *", ZoneId.of(CountingRules.ID), ANCHOR);
        long before = CountingRules.USES.get();

        assertThat(r.firstAfter(NOW)).contains(new Occurrence(5_260_321, NOW.plusSeconds(30)));
        assertThat(CountingRules.USES.get() - before).isBetween(1L, 99L);
    }

    @Test
    void everyMinuteForTenYearsCountsElapsedMinutesInAnyZone() {
        long minutes = ChronoUnit.MINUTES.between(ANCHOR, NOW.plusSeconds(30));
        for (ZoneId zone : ScheduleGens.ZONES) {
            CronRecurrence r = Recurrence.cron("* * * * *", zone, ANCHOR);

            // an every-hour expression follows elapsed time: both passes of a repeated hour, nothing in a gap
            assertThat(r.firstAfter(NOW)).as("%s", zone).contains(new Occurrence(minutes, NOW.plusSeconds(30)));
            assertThat(r.occurrence(minutes)).as("%s", zone).contains(NOW.plusSeconds(30));
            assertThat(r.occurrence(minutes - 1)).as("%s", zone).contains(NOW.minusSeconds(30));
        }
    }

    @Test
    void aDailyTimeInTheSpringGapIsSkippedOncePerYear() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime anchor = ZonedDateTime.of(LocalDate.of(2016, 1, 1), LocalTime.MIDNIGHT, newYork);
        CronRecurrence r = Recurrence.cron("30 2 * * *", newYork, anchor.toInstant());
        long days = 0;
        LocalDate day = anchor.toLocalDate();
        for (; day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusDays(1)) {
            if (!newYork.getRules().getValidOffsets(day.atTime(2, 30)).isEmpty()) {
                days++;
            }
        }
        Instant next = ZonedDateTime.of(LocalDate.of(2026, 1, 1), LocalTime.of(2, 30), newYork).toInstant();

        assertThat(days).isEqualTo(3653 - 10); // ten spring-forward days have no 02:30
        assertThat(r.firstAfter(NOW)).contains(new Occurrence(days, next));
        assertThat(r.occurrence(days)).contains(next);
    }

    @Test
    void aDailyTimeInTheAutumnOverlapRunsOnceADay() {
        ZoneId newYork = ZoneId.of("America/New_York");
        CronRecurrence r = Recurrence.cron("30 1 * * *", newYork, ANCHOR);
        Instant first = ZonedDateTime.of(LocalDate.of(2016, 1, 1), LocalTime.of(1, 30), newYork).toInstant();
        Instant next = ZonedDateTime.of(LocalDate.of(2026, 1, 1), LocalTime.of(1, 30), newYork).toInstant();
        long days = ChronoUnit.DAYS.between(LocalDate.of(2016, 1, 1), LocalDate.of(2026, 1, 1));

        assertThat(r.occurrence(0)).contains(first);
        assertThat(r.firstAfter(NOW)).contains(new Occurrence(days, next));
    }

    @Test
    void weekdayMornings() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        CronRecurrence r = Recurrence.cron("0 9 * * 1-5", berlin, ANCHOR);
        long weekdays = 0;
        for (LocalDate day = LocalDate.of(2016, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusDays(1)) {
            weekdays += day.getDayOfWeek().getValue() <= 5 ? 1 : 0;
        }
        Instant next = ZonedDateTime.of(LocalDate.of(2026, 1, 1), LocalTime.of(9, 0), berlin).toInstant();

        assertThat(r.firstAfter(NOW)).contains(new Occurrence(weekdays, next));
        assertThat(r.firstAfter(NOW, new Occurrence(weekdays - 3, Instant.parse("2025-12-29T08:00:00Z"))))
                .contains(new Occurrence(weekdays, next));
    }
}
