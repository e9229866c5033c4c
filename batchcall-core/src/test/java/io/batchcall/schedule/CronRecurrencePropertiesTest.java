package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Cron series near DST transitions: increasing, consistent indexes, ends, once-a-day behaviour. */
class CronRecurrencePropertiesTest {

    private static final int K = 20;

    private static Gen<Integer> hours() {
        return integers().between(0, 23).mix(arbitrary().pick(0, 1, 2, 3, 23), 50);
    }

    private static Gen<Integer> minutes() {
        return integers().between(0, 59).mix(arbitrary().pick(0, 15, 30, 45), 50);
    }

    static Gen<String> expressions() {
        Gen<String> daily = minutes().zip(hours(), (m, h) -> m + " " + h + " * * *");
        Gen<String> steps = arbitrary().pick(10, 15, 20, 30).zip(hours(), (s, h) -> "*/" + s + " " + h + " * * *");
        Gen<String> hourly = minutes().map(m -> m + " * * * *");
        Gen<String> weekdays = minutes().zip(hours(), (m, h) -> m + " " + h + " * * 1-5");
        Gen<String> monthEnd = minutes().zip(hours(), (m, h) -> m + " " + h + " 31 * *");
        return Generate.oneOf(daily, steps, hourly, weekdays, monthEnd);
    }

    static Gen<ZonedDateTime> anchors() {
        return ScheduleGens.zones().zip(ScheduleGens.instantSeeds(), booleans().all(),
                (zone, seed, later) -> ScheduleGens.anchor(zone, LocalTime.MIDNIGHT, seed, later)
                        .plusSeconds(ScheduleGens.instant(zone, seed).getEpochSecond() % 86_400));
    }

    static Gen<CronRecurrence> recurrences() {
        return expressions().zip(anchors(), (expression, anchor) ->
                Recurrence.cron(expression, anchor.getZone(), anchor.toInstant()));
    }

    @Test
    void occurrencesIncreaseAndIndexesAgree() {
        qt().withExamples(200).forAll(recurrences(), integers().between(0, K - 2)).checkAssert((r, j) -> {
            List<Occurrence> all = RecurrencePropertiesTest.walk(r, K);

            assertThat(all).hasSize(K);
            assertThat(all.get(0).at()).isAfterOrEqualTo(r.anchor());
            for (int k = 1; k < K; k++) {
                assertThat(all.get(k).at()).isAfter(all.get(k - 1).at());
                assertThat(all.get(k).index()).isEqualTo(k);
            }
            assertThat(r.occurrence(j)).contains(all.get(j).at());
            Instant between = all.get(j).at().plusSeconds(1);
            assertThat(r.firstAfter(between)).contains(all.get(j + 1));
            assertThat(r.firstAfter(between, all.get(j / 2))).contains(all.get(j + 1));
            for (Recurrence ended : List.of(r.endingAfter(j + 1), r.endingAt(all.get(j).at()))) {
                assertThat(ended.firstAfter(all.get(j).at().minusSeconds(1), all.get(j / 2))).contains(all.get(j));
                assertThat(ended.firstAfter(between, all.get(j))).isEmpty();
            }
        });
    }

    /** "m h * * *" runs at most once per local day, at h:m, skipping only a day whose h:m is in a gap. */
    @Test
    void onceADayExpressionsRunOncePerDaySkippingOnlyGapDays() {
        qt().withExamples(100).forAll(minutes(), hours(), anchors()).checkAssert((m, h, anchor) -> {
            Recurrence r = Recurrence.cron(m + " " + h + " * * *", anchor.getZone(), anchor.toInstant());
            LocalTime time = LocalTime.of(h, m);
            List<Occurrence> all = RecurrencePropertiesTest.walk(r, K);
            LocalDate previous = null;
            for (Occurrence o : all) {
                ZonedDateTime at = o.at().atZone(r.zone());
                assertThat(at.toLocalTime()).isEqualTo(time);
                if (previous != null) {
                    long days = ChronoUnit.DAYS.between(previous, at.toLocalDate());
                    assertThat(days).isPositive();
                    for (LocalDate skipped = previous.plusDays(1); skipped.isBefore(at.toLocalDate()); skipped = skipped.plusDays(1)) {
                        boolean inGap = r.zone().getRules().getValidOffsets(skipped.atTime(time)).isEmpty();
                        assertThat(inGap).as("%s %s skipped: only a time in a gap may be", skipped, time).isTrue();
                    }
                }
                previous = at.toLocalDate();
            }
        });
    }

    /**
     * Against a minute-stepping oracle over three days from an anchor near a transition: an instant
     * runs iff its local time matches and it is not the second pass of a repeated local time
     * (every-hour expressions run in both passes). Gap times never occur as local times, so they
     * are skipped by construction.
     */
    @Test
    void matchesAMinuteSteppingOracleNearTransitions() {
        Gen<String> repeating = Generate.oneOf(minutes().map(m -> m + " * * * *"),
                arbitrary().pick("*/15 * * * *", "*/20 * * * *", "*/1 * * * 0-6"));
        qt().withExamples(60).forAll(expressions().mix(repeating, 40), anchors()).checkAssert((expression, anchor) -> {
            CronRecurrence r = Recurrence.cron(expression, anchor.getZone(), anchor.toInstant());
            Instant until = anchor.toInstant().plus(3, ChronoUnit.DAYS);
            List<Instant> expected = oracle(expression, anchor.getZone(), anchor.toInstant(), until);

            List<Instant> actual = new ArrayList<>();
            for (Occurrence o : RecurrencePropertiesTest.walk(r, expected.size() + 1)) {
                if (o.at().isBefore(until)) {
                    actual.add(o.at());
                }
            }
            assertThat(actual).as("%s from %s", expression, anchor).isEqualTo(expected);
        });
    }

    /**
     * Indexes counted over weeks agree with the minute-stepping oracle: for any instant in the
     * span, {@code firstAfter} gives the oracle's next run and its position, and
     * {@code occurrence(k)} the oracle's k-th run.
     */
    @Test
    void countedIndexesMatchTheOracleOverWeeks() {
        Gen<String> repeating = Generate.oneOf(minutes().map(m -> m + " * * * *"),
                arbitrary().pick("*/15 * * * *", "*/20 * * * *", "*/1 * * * 0-6", "0 */2 * * 1-5"));
        qt().withExamples(40).forAll(expressions().mix(repeating, 40), anchors(), integers().between(0, 1_000_000),
                integers().between(0, 1_000_000)).checkAssert((expression, anchor, at, k) -> {
                    CronRecurrence r = Recurrence.cron(expression, anchor.getZone(), anchor.toInstant());
                    Instant until = anchor.toInstant().plus(70, ChronoUnit.DAYS); // a day-31 series runs within 62 days
                    List<Instant> expected = oracle(expression, anchor.getZone(), anchor.toInstant(), until);
                    Instant t = anchor.toInstant().plusSeconds(at % (19L * 86_400));
                    int next = 0;
                    while (!expected.get(next).isAfter(t)) {
                        next++;
                    }
                    int index = k % expected.size();

                    assertThat(r.firstAfter(t)).as("%s from %s after %s", expression, anchor, t)
                            .contains(new Occurrence(next, expected.get(next)));
                    assertThat(r.occurrence(index)).as("%s from %s #%s", expression, anchor, index)
                            .contains(expected.get(index));
                });
    }

    private static List<Instant> oracle(String expression, ZoneId zone, Instant from, Instant until) {
        String[] f = expression.split(" ");
        boolean everyHour = f[1].equals("*") || f[1].equals("*/1");
        List<Instant> result = new ArrayList<>();
        Instant t = from.truncatedTo(ChronoUnit.MINUTES);
        if (t.isBefore(from)) {
            t = t.plusSeconds(60);
        }
        for (; t.isBefore(until); t = t.plusSeconds(60)) {
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            boolean matches = field(f[0], local.getMinute()) && field(f[1], local.getHour())
                    && field(f[2], local.getDayOfMonth()) && field(f[3], local.getMonthValue())
                    && field(f[4], local.getDayOfWeek().getValue() % 7);
            if (!matches) {
                continue;
            }
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            boolean secondPass = offsets.size() == 2 && !t.equals(ZonedDateTime.of(local, zone).toInstant());
            if (!secondPass || everyHour) {
                result.add(t);
            }
        }
        return result;
    }

    /** An independent matcher for the field forms generated here: n, *, *&#47;s and a-b. */
    private static boolean field(String field, int value) {
        if (field.equals("*")) {
            return true;
        }
        if (field.startsWith("*/")) {
            return value % Integer.parseInt(field.substring(2)) == 0;
        }
        int dash = field.indexOf('-');
        if (dash > 0) {
            return value >= Integer.parseInt(field.substring(0, dash)) && value <= Integer.parseInt(field.substring(dash + 1));
        }
        return value == Integer.parseInt(field);
    }
}
