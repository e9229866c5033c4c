package io.batchcall.schedule;

import static io.batchcall.schedule.Frequency.DAILY;
import static io.batchcall.schedule.Frequency.HOURLY;
import static io.batchcall.schedule.Frequency.MONTHLY;
import static io.batchcall.schedule.Frequency.WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Worked examples of periodic recurrences: month ends, DST days, end conditions, catch-up. */
class PeriodicRecurrenceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone);
    }

    private static List<LocalDateTime> localOccurrences(Recurrence recurrence, int count) {
        return LongStream.range(0, count)
                .mapToObj(k -> recurrence.occurrence(k).orElseThrow().atZone(recurrence.zone()).toLocalDateTime())
                .toList();
    }

    @Test
    void monthlyOnThe31stFallsOnTheLastDayOfShorterMonths() {
        Recurrence monthly = Recurrence.every(1, MONTHLY, local("2027-12-31T10:00", BERLIN));

        assertThat(localOccurrences(monthly, 6)).extracting(LocalDateTime::toLocalDate).containsExactly(
                LocalDate.parse("2027-12-31"), LocalDate.parse("2028-01-31"), LocalDate.parse("2028-02-29"),
                LocalDate.parse("2028-03-31"), LocalDate.parse("2028-04-30"), LocalDate.parse("2028-05-31"));
        assertThat(monthly.occurrence(14).orElseThrow().atZone(BERLIN).toLocalDate()).isEqualTo("2029-02-28");
        assertThat(localOccurrences(monthly, 6)).allSatisfy(t -> assertThat(t.getHour()).isEqualTo(10));
    }

    @Test
    void dailyAtHalfPastTwoRunsAtHalfPastThreeOnSpringForwardDay() {
        Recurrence daily = Recurrence.every(1, DAILY, local("2026-03-06T02:30", NEW_YORK));

        assertThat(localOccurrences(daily, 4)).containsExactly(
                LocalDateTime.parse("2026-03-06T02:30"), LocalDateTime.parse("2026-03-07T02:30"),
                LocalDateTime.parse("2026-03-08T03:30"), LocalDateTime.parse("2026-03-09T02:30"));
    }

    @Test
    void dailyInTheFallBackOverlapRunsOnceAtTheEarlierInstant() {
        Recurrence daily = Recurrence.every(1, DAILY, local("2026-10-30T01:30", NEW_YORK));
        Instant firstPass = Instant.parse("2026-11-01T05:30:00Z"); // 01:30 EDT

        assertThat(daily.occurrence(2)).contains(firstPass);
        assertThat(daily.firstAfter(firstPass)).contains(new Occurrence(3, Instant.parse("2026-11-02T06:30:00Z")));
    }

    @Test
    void anchorAtTheLaterOffsetOfAnOverlapIsOccurrenceZero() {
        ZonedDateTime secondPass = local("2026-11-01T01:30", NEW_YORK).withLaterOffsetAtOverlap();
        Recurrence daily = Recurrence.every(1, DAILY, secondPass);

        assertThat(daily.occurrence(0)).contains(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(daily.occurrence(1)).contains(local("2026-11-02T01:30", NEW_YORK).toInstant());
    }

    @Test
    void hourlyCountsElapsedHoursAcrossDaylightSaving() {
        Recurrence hourly = Recurrence.every(1, HOURLY, local("2026-03-08T00:30", NEW_YORK));

        assertThat(localOccurrences(hourly, 3)).containsExactly(LocalDateTime.parse("2026-03-08T00:30"),
                LocalDateTime.parse("2026-03-08T01:30"), LocalDateTime.parse("2026-03-08T03:30"));
        assertThat(Recurrence.every(3, HOURLY, local("2026-11-01T00:00", NEW_YORK)).occurrence(1).orElseThrow()
                .atZone(NEW_YORK).toLocalTime()).hasToString("02:00");
    }

    @Test
    void weeklyEveryTwoWeeksKeepsWeekdayAndLocalTime() {
        Recurrence weekly = Recurrence.every(2, WEEKLY, local("2026-03-16T09:00", BERLIN));

        assertThat(localOccurrences(weekly, 3)).containsExactly(LocalDateTime.parse("2026-03-16T09:00"),
                LocalDateTime.parse("2026-03-30T09:00"), LocalDateTime.parse("2026-04-13T09:00"));
        assertThat(weekly.occurrence(1).orElseThrow().atZone(BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void firstAfterSkipsMissedOccurrencesAndGivesTheirIndex() {
        Recurrence daily = Recurrence.every(1, DAILY, local("2026-01-05T09:00", BERLIN));

        assertThat(daily.firstAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .contains(new Occurrence(0, local("2026-01-05T09:00", BERLIN).toInstant()));
        assertThat(daily.firstAfter(local("2026-01-08T21:00", BERLIN).toInstant()))
                .contains(new Occurrence(4, local("2026-01-09T09:00", BERLIN).toInstant()));
        assertThat(daily.nextAfter(local("2026-01-09T09:00", BERLIN).toInstant()))
                .contains(local("2026-01-10T09:00", BERLIN).toInstant());
    }

    @Test
    void afterRunsEndsWithExactlyThatManyOccurrences() {
        Recurrence three = Recurrence.every(1, DAILY, local("2026-01-05T09:00", BERLIN)).endingAfter(3);

        assertThat(three.occurrence(2)).isPresent();
        assertThat(three.occurrence(3)).isEmpty();
        assertThat(three.firstAfter(three.occurrence(2).orElseThrow())).isEmpty();
        assertThat(three.endsAfterRuns()).isTrue();
        assertThat(three.maxRuns()).hasValue(3);
    }

    @Test
    void untilIsInclusive() {
        Recurrence daily = Recurrence.every(1, DAILY, local("2026-01-05T09:00", BERLIN));
        Instant third = daily.occurrence(2).orElseThrow();
        Recurrence bounded = daily.endingAt(third);

        assertThat(bounded.occurrence(2)).contains(third);
        assertThat(bounded.occurrence(3)).isEmpty();
        assertThat(bounded.firstAfter(third.minusSeconds(1))).map(Occurrence::index).contains(2L);
        assertThat(bounded.firstAfter(third)).isEmpty();
        assertThat(bounded.until()).contains(third);
        assertThat(bounded.endsAfterRuns()).isFalse();
    }

    @Test
    void valueSemanticsAndReadableToString() {
        Recurrence a = Recurrence.every(2, DAILY, local("2026-01-05T09:30", BERLIN)).endingAfter(10);
        Recurrence b = Recurrence.of(DAILY, 2, Instant.parse("2026-01-05T08:30:00Z"), BERLIN).endingAfter(10);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).hasToString("every 2 days at 09:30 (Europe/Berlin) from 2026-01-05T09:30+01:00, 10 runs");
        assertThat(Recurrence.every(1, HOURLY, local("2026-01-05T09:30", BERLIN)))
                .hasToString("every hour (Europe/Berlin) from 2026-01-05T09:30+01:00, never ending");
        assertThat(a.occurrence(1000000000000L)).isEmpty();
        assertThat(Recurrence.every(1, DAILY, local("2026-01-05T09:30", BERLIN)).occurrence(Long.MAX_VALUE))
                .isEqualTo(Optional.empty());
        assertThat(Recurrence.every(1, MONTHLY, local("2026-01-05T09:30", BERLIN)).firstAfter(Instant.MAX)).isEmpty();
        assertThat(Recurrence.every(1, HOURLY, local("2026-01-05T09:30", BERLIN)).firstAfter(Instant.MAX)).isEmpty();
    }
}
