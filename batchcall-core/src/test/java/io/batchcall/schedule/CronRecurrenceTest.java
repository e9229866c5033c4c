package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Cron series: parse errors, indexes from the anchor, end conditions and DST behaviour. */
class CronRecurrenceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static Instant local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone).toInstant();
    }

    private static List<Instant> first(Recurrence recurrence, int count) {
        return LongStream.range(0, count).mapToObj(k -> recurrence.occurrence(k).orElseThrow()).toList();
    }

    @Test
    void unparsableExpressionNamesTheExpressionAndTheReason() {
        assertThatThrownBy(() -> Recurrence.cron("61 * * * *", NEW_YORK, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cron expression '61 * * * *' is not a valid UNIX 5-field cron expression"
                        + " (minute hour day-of-month month day-of-week):"
                        + " Failed to parse cron expression. Value 61 not in range [0, 59]");
        assertThatThrownBy(() -> Recurrence.cron("0 0 9 * * ?", NEW_YORK, Instant.EPOCH))
                .hasMessageStartingWith("cron expression '0 0 9 * * ?' is not a valid UNIX 5-field cron expression")
                .hasMessageContaining("6 parts");
    }

    @Test
    void occurrenceZeroIsTheFirstMatchAtOrAfterTheAnchor() {
        Instant nineAm = local("2026-01-05T09:00", NEW_YORK);

        assertThat(Recurrence.cron("0 9 * * *", NEW_YORK, nineAm).occurrence(0)).contains(nineAm);
        assertThat(Recurrence.cron("0 9 * * *", NEW_YORK, nineAm.plusSeconds(1)).occurrence(0))
                .contains(local("2026-01-06T09:00", NEW_YORK));
        assertThat(Recurrence.cron("0 9 * * 1-5", NEW_YORK, local("2026-01-09T10:00", NEW_YORK)).firstAfter(Instant.EPOCH))
                .contains(new Occurrence(0, local("2026-01-12T09:00", NEW_YORK)));
    }

    @Test
    void indexesCountFromTheAnchorAndResumingGivesTheSameAnswer() {
        Recurrence quarterHourly = Recurrence.cron("*/15 * * * *", NEW_YORK, local("2026-01-05T09:00", NEW_YORK));
        Instant t = local("2026-01-05T11:20", NEW_YORK);
        Occurrence expected = new Occurrence(10, local("2026-01-05T11:30", NEW_YORK));

        assertThat(quarterHourly.firstAfter(t)).contains(expected);
        assertThat(quarterHourly.firstAfter(t, new Occurrence(4, local("2026-01-05T10:00", NEW_YORK)))).contains(expected);
        assertThat(quarterHourly.firstAfter(t, new Occurrence(20, t.plusSeconds(3600)))).as("hint after t is ignored")
                .contains(expected);
        assertThat(quarterHourly.occurrence(10)).contains(expected.at());
    }

    @Test
    void endConditionsApplyToCron() {
        Recurrence daily = Recurrence.cron("0 9 * * *", NEW_YORK, local("2026-01-05T00:00", NEW_YORK));
        Recurrence three = daily.endingAfter(3);

        assertThat(three.occurrence(2)).contains(local("2026-01-07T09:00", NEW_YORK));
        assertThat(three.occurrence(3)).isEmpty();
        assertThat(three.firstAfter(local("2026-01-07T09:00", NEW_YORK))).isEmpty();
        assertThat(three.maxRuns()).hasValue(3);

        Recurrence untilThird = daily.endingAt(local("2026-01-07T09:00", NEW_YORK));
        assertThat(untilThird.occurrence(2)).isPresent();
        assertThat(untilThird.occurrence(3)).isEmpty();
        assertThat(untilThird.firstAfter(local("2026-01-07T08:00", NEW_YORK))).map(Occurrence::index).contains(2L);
    }

    @Test
    void expressionThatNeverMatchesHasNoOccurrences() {
        Recurrence february30 = Recurrence.cron("0 0 30 2 *", NEW_YORK, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(february30.occurrence(0)).isEmpty();
        assertThat(february30.firstAfter(Instant.EPOCH)).isEmpty();
    }

    /** A local time in a spring-forward gap is skipped (periodic DAILY shifts it); times after the gap run. */
    @Test
    void cronSkipsTheRunOnSpringForwardDay() {
        Recurrence cron = Recurrence.cron("30 2 * * *", NEW_YORK, local("2026-03-06T00:00", NEW_YORK));

        assertThat(first(cron, 3)).containsExactly(local("2026-03-06T02:30", NEW_YORK),
                local("2026-03-07T02:30", NEW_YORK), local("2026-03-09T02:30", NEW_YORK));

        // Lord Howe's clocks go 02:00 -> 02:30 on 2020-10-04: 02:15 does not exist, 02:30 and 02:45 do.
        for (String time : List.of("30", "45")) {
            Recurrence halfHourGap = Recurrence.cron(time + " 2 * * *", LORD_HOWE, local("2020-10-03T12:00", LORD_HOWE));
            assertThat(first(halfHourGap, 2)).as(time).containsExactly(local("2020-10-04T02:" + time, LORD_HOWE),
                    local("2020-10-05T02:" + time, LORD_HOWE));
        }
        Recurrence inGap = Recurrence.cron("15 2 * * *", LORD_HOWE, local("2020-10-03T12:00", LORD_HOWE));
        assertThat(first(inGap, 1)).containsExactly(local("2020-10-05T02:15", LORD_HOWE));
    }

    /** A once-a-day time in the fall-back overlap runs once, at the earlier instant, as for DAILY. */
    @Test
    void cronRunsOnceInTheOverlapForADailyTime() {
        Recurrence cron = Recurrence.cron("30 1 * * *", NEW_YORK, local("2026-10-31T00:00", NEW_YORK));

        assertThat(first(cron, 3)).containsExactly(Instant.parse("2026-10-31T05:30:00Z"),
                Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(cron.firstAfter(Instant.parse("2026-11-01T05:45:00Z")))
                .as("the series from 01:45 EDT: 01:30 already ran, not again at 01:30 EST")
                .contains(new Occurrence(2, Instant.parse("2026-11-02T06:30:00Z")));
    }

    /** Every-hour expressions run in both passes of the repeated hour; others once, at the earlier instant. */
    @Test
    void onlyEveryHourExpressionsRunInBothPasses() {
        Recurrence hourly = Recurrence.cron("0 * * * *", NEW_YORK, local("2026-11-01T00:00", NEW_YORK));
        assertThat(first(hourly, 4)).containsExactly(Instant.parse("2026-11-01T04:00:00Z"),
                Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"),
                Instant.parse("2026-11-01T07:00:00Z"));

        // Lord Howe repeats 01:30-02:00 on 2026-04-05.
        Recurrence quarters = Recurrence.cron("*/15 1 * * *", LORD_HOWE, local("2026-04-05T00:00", LORD_HOWE));
        assertThat(first(quarters, 5)).extracting(i -> i.atZone(LORD_HOWE).toLocalDateTime().toString())
                .containsExactly("2026-04-05T01:00", "2026-04-05T01:15", "2026-04-05T01:30", "2026-04-05T01:45",
                        "2026-04-06T01:00");
        Recurrence everyQuarter = Recurrence.cron("*/15 * * * *", LORD_HOWE, local("2026-04-05T01:00", LORD_HOWE));
        assertThat(first(everyQuarter, 7)).extracting(i -> i.atZone(LORD_HOWE).toLocalTime().toString())
                .containsExactly("01:00", "01:15", "01:30", "01:45", "01:30", "01:45", "02:00");
    }

    @Test
    void valueSemanticsAndToString() {
        Instant anchor = Instant.parse("2026-01-05T00:00:00Z");
        CronRecurrence a = Recurrence.cron(" 0 9 * * 1-5 ", NEW_YORK, anchor);
        CronRecurrence b = Recurrence.cron("0 9 * * 1-5", NEW_YORK, anchor);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.endingAfter(2)).isNotEqualTo(b).isEqualTo(b.endingAfter(2));
        assertThat(a.expression()).isEqualTo("0 9 * * 1-5");
        assertThat(a).hasToString("cron '0 9 * * 1-5' (America/New_York) from 2026-01-04T19:00-05:00, never ending");
    }
}
