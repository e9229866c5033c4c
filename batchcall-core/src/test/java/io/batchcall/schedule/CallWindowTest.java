package io.batchcall.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of {@link CallWindow}: overnight windows, DST gaps and overlaps, odd offsets. */
class CallWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static Instant local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone).toInstant();
    }

    private static LocalTime t(String text) {
        return LocalTime.parse(text);
    }

    @Test
    void overnightWindowBelongsToTheDayItOpens() {
        // 2026-01-09 is a Friday.
        CallWindow fridayNight = new CallWindow(t("22:00"), t("02:00"), Set.of(FRIDAY), BERLIN);

        assertThat(fridayNight.isOpen(local("2026-01-09T23:00", BERLIN))).isTrue();
        assertThat(fridayNight.isOpen(local("2026-01-10T01:00", BERLIN))).as("Saturday 01:00").isTrue();
        assertThat(fridayNight.isOpen(local("2026-01-10T02:00", BERLIN))).as("end is exclusive").isFalse();
        assertThat(fridayNight.isOpen(local("2026-01-09T01:00", BERLIN))).as("Friday 01:00 is Thursday's").isFalse();
        assertThat(fridayNight.isOpen(local("2026-01-10T22:30", BERLIN))).as("Saturday evening").isFalse();
        assertThat(fridayNight.nextOpening(local("2026-01-10T03:00", BERLIN))).isEqualTo(local("2026-01-16T22:00", BERLIN));
        assertThat(fridayNight.nextClosing(local("2026-01-09T23:00", BERLIN))).isEqualTo(local("2026-01-10T02:00", BERLIN));
        assertThat(fridayNight.nextClosing(local("2026-01-09T12:00", BERLIN))).isEqualTo(local("2026-01-10T02:00", BERLIN));
    }

    @Test
    void endAtMidnightMeansUntilTheEndOfTheDay() {
        CallWindow evening = new CallWindow(t("18:00"), LocalTime.MIDNIGHT, Set.of(MONDAY), BERLIN);

        assertThat(evening.isOpen(local("2026-01-05T23:59", BERLIN))).isTrue();
        assertThat(evening.isOpen(local("2026-01-06T00:00", BERLIN))).isFalse();
        assertThat(evening.nextClosing(local("2026-01-05T18:00", BERLIN))).isEqualTo(local("2026-01-06T00:00", BERLIN));
    }

    @Test
    void windowStartingInTheSpringForwardGapOpensWhenTheGapEnds() {
        CallWindow window = new CallWindow(t("02:15"), t("04:00"), CallWindow.EVERY_DAY, NEW_YORK);
        Instant sundayMidnight = local("2026-03-08T00:00", NEW_YORK);

        Instant opening = window.nextOpening(sundayMidnight);

        assertThat(opening).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(opening.atZone(NEW_YORK).toLocalTime()).isEqualTo(t("03:00"));
        assertThat(window.isOpen(opening.minusSeconds(1))).as("01:59:59 EST").isFalse();
        assertThat(window.nextClosing(opening)).isEqualTo(local("2026-03-08T04:00", NEW_YORK));
    }

    @Test
    void windowLyingWhollyInTheGapDoesNotOpenThatDay() {
        CallWindow window = new CallWindow(t("02:10"), t("02:50"), Set.of(SUNDAY), NEW_YORK);

        assertThat(window.nextOpening(local("2026-03-07T12:00", NEW_YORK))).isEqualTo(local("2026-03-15T02:10", NEW_YORK));
    }

    @Test
    void repeatedLocalTimeInTheFallBackOverlapIsInsideBothTimes() {
        CallWindow window = new CallWindow(t("01:00"), t("01:30"), CallWindow.EVERY_DAY, NEW_YORK);
        Instant firstPass = Instant.parse("2026-11-01T05:00:00Z");  // 01:00 EDT
        Instant secondPass = Instant.parse("2026-11-01T06:00:00Z"); // 01:00 EST

        assertThat(window.nextOpening(local("2026-11-01T00:00", NEW_YORK))).isEqualTo(firstPass);
        assertThat(window.isOpen(Instant.parse("2026-11-01T05:15:00Z"))).isTrue();
        assertThat(window.nextClosing(firstPass)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(window.isOpen(Instant.parse("2026-11-01T05:45:00Z"))).as("01:45 EDT").isFalse();
        assertThat(window.nextOpening(Instant.parse("2026-11-01T05:30:00Z"))).isEqualTo(secondPass);
        assertThat(window.isOpen(Instant.parse("2026-11-01T06:15:00Z"))).isTrue();
        assertThat(window.nextClosing(secondPass)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void lordHoweHalfHourGapAndOverlap() {
        // +10:30 -> +11:00 at 02:00 on 2026-10-04: local 02:00-02:30 does not exist.
        CallWindow twoToThree = new CallWindow(t("02:00"), t("03:00"), CallWindow.EVERY_DAY, LORD_HOWE);
        assertThat(twoToThree.nextOpening(local("2026-10-04T00:00", LORD_HOWE)))
                .isEqualTo(Instant.parse("2026-10-03T15:30:00Z"))
                .satisfies(i -> assertThat(i.atZone(LORD_HOWE).toLocalTime()).isEqualTo(t("02:30")));

        // +11:00 -> +10:30 at 02:00 on 2026-04-05: local 01:30-02:00 happens twice, back to back,
        // so a 01:30-02:00 window stays open for a full hour of real time.
        CallWindow halfPastOne = new CallWindow(t("01:30"), t("02:00"), CallWindow.EVERY_DAY, LORD_HOWE);
        Instant opening = halfPastOne.nextOpening(local("2026-04-05T00:00", LORD_HOWE));
        assertThat(opening).isEqualTo(Instant.parse("2026-04-04T14:30:00Z"));
        assertThat(halfPastOne.nextClosing(opening)).isEqualTo(Instant.parse("2026-04-04T15:30:00Z"));
    }

    @Test
    void cairoWindowOpeningAtMidnightOnTheDayMidnightIsSkipped() {
        // Egypt springs forward 00:00 -> 01:00 on Friday 2026-04-24.
        ZoneId cairo = ZoneId.of("Africa/Cairo");
        CallWindow earlyFriday = new CallWindow(LocalTime.MIDNIGHT, t("06:00"), Set.of(FRIDAY), cairo);

        Instant opening = earlyFriday.nextOpening(local("2026-04-23T12:00", cairo));

        assertThat(opening).isEqualTo(Instant.parse("2026-04-23T22:00:00Z"));
        assertThat(opening.atZone(cairo).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-04-24T01:00"));
    }

    @Test
    void kathmanduQuarterHourOffset() {
        CallWindow window = CallWindow.of("09:00", "17:00", "Asia/Kathmandu");

        assertThat(window.nextOpening(Instant.parse("2026-01-05T00:00:00Z"))).isEqualTo(Instant.parse("2026-01-05T03:15:00Z"));
        assertThat(window.nextClosing(Instant.parse("2026-01-05T04:00:00Z"))).isEqualTo(Instant.parse("2026-01-05T11:15:00Z"));
    }

    @Test
    void alwaysOpenWindowNeverCloses() {
        CallWindow always = CallWindow.always(ZoneId.of("UTC"));
        Instant t = Instant.parse("2026-06-01T12:34:56Z");

        assertThat(always.isOpen(t)).isTrue();
        assertThat(always.nextOpening(t)).isEqualTo(t);
        assertThat(always.nextClosing(t)).isEqualTo(Instant.MAX);
    }

    @Test
    void allDayOnSomeDaysClosesAtMidnightAfterTheLastConsecutiveDay() {
        CallWindow weekdays = CallWindow.allDay(CallWindow.WEEKDAYS, BERLIN);

        assertThat(weekdays.nextClosing(local("2026-01-06T10:00", BERLIN))).isEqualTo(local("2026-01-10T00:00", BERLIN));
        assertThat(weekdays.nextOpening(local("2026-01-10T10:00", BERLIN))).isEqualTo(local("2026-01-12T00:00", BERLIN));
    }

    @Test
    void factoriesAndValueSemantics() {
        CallWindow window = CallWindow.of(t("09:00"), t("17:00"), BERLIN);

        assertThat(window.days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(window.toString()).isEqualTo("CallWindow[09:00-17:00 MON,TUE,WED,THU,FRI Europe/Berlin]");
        assertThat(window.onDays(SUNDAY, MONDAY).days()).containsExactly(MONDAY, SUNDAY);
        assertThat(window.onDays(SUNDAY, MONDAY)).isEqualTo(window.withDays(Set.of(MONDAY, SUNDAY)));
        assertThat(CallWindow.allDay(EnumSet.of(MONDAY), BERLIN).toString()).isEqualTo("CallWindow[all day MON Europe/Berlin]");
        assertThat(CallWindow.allDay(Set.of(MONDAY), BERLIN).isAllDay()).isTrue();
    }

    @Test
    void daysAreAnImmutableCopy() {
        Set<DayOfWeek> days = EnumSet.of(MONDAY);
        CallWindow window = CallWindow.allDay(days, BERLIN);
        days.add(FRIDAY);

        assertThat(window.days()).containsExactly(MONDAY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> window.days().add(SUNDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
