package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Periodic recurrences in awkward zones with anchors near DST transitions. */
class RecurrencePropertiesTest {

    private static final int K = 50;

    static Gen<ZonedDateTime> anchors() {
        return ScheduleGens.zones().zip(ScheduleGens.times(), ScheduleGens.instantSeeds(), booleans().all(),
                (zone, time, seed, later) -> ScheduleGens.anchor(zone, time, seed, later));
    }

    static Gen<PeriodicRecurrence> recurrences() {
        Gen<Integer> intervals = integers().between(1, 3).mix(integers().between(1, 40), 20);
        return arbitrary().enumValues(Frequency.class).zip(intervals, anchors(),
                (frequency, interval, anchor) -> Recurrence.every(interval, frequency, anchor));
    }

    @Test
    void occurrencesIncreaseAndFollowTheFrequencyRules() {
        qt().forAll(recurrences()).checkAssert(r -> {
            ZoneRules rules = r.zone().getRules();
            LocalDateTime anchorLocal = LocalDateTime.ofInstant(r.anchor(), r.zone());
            Instant previous = r.occurrence(0).orElseThrow();
            assertThat(previous).isEqualTo(r.anchor());
            for (int k = 1; k < K; k++) {
                Instant at = r.occurrence(k).orElseThrow();
                assertThat(at).as("occurrence %d", k).isAfter(previous);
                if (r.frequency() == Frequency.HOURLY) {
                    assertThat(Duration.between(previous, at)).isEqualTo(Duration.ofHours(r.interval()));
                } else {
                    assertKeepsLocalTime(r, rules, anchorLocal, k, at, previous);
                }
                previous = at;
            }
        });
    }

    private static void assertKeepsLocalTime(PeriodicRecurrence r, ZoneRules rules, LocalDateTime anchorLocal,
            int k, Instant at, Instant previous) {
        long steps = (long) k * r.interval();
        LocalDateTime wanted = switch (r.frequency()) {
            case DAILY -> anchorLocal.plusDays(steps);
            case WEEKLY -> anchorLocal.plusDays(7 * steps);
            default -> anchorLocal.plusMonths(steps);
        };
        ZonedDateTime actual = at.atZone(r.zone());
        List<?> offsets = rules.getValidOffsets(wanted);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(wanted);
            assertThat(actual.toLocalDateTime()).as("in a gap: shifted by the gap").isEqualTo(wanted.plus(gap.getDuration()));
        } else {
            assertThat(actual.toLocalDateTime()).as("local wall time kept").isEqualTo(wanted);
            if (offsets.size() == 2) {
                assertThat(actual.getOffset()).as("overlap: earlier instant").isEqualTo(offsets.get(0));
            }
        }
        assertThat(actual.toLocalDate()).as("no date change from DST").isEqualTo(wanted.toLocalDate());
        long dayGap = ChronoUnit.DAYS.between(previous.atZone(r.zone()).toLocalDate(), actual.toLocalDate());
        if (r.frequency() == Frequency.DAILY) {
            assertThat(dayGap).as("no day skipped").isEqualTo(r.interval());
        } else if (r.frequency() == Frequency.WEEKLY) {
            assertThat(dayGap).isEqualTo(7L * r.interval());
        } else {
            YearMonth month = YearMonth.from(actual);
            assertThat(actual.getDayOfMonth()).as("day of month")
                    .isEqualTo(Math.min(anchorLocal.getDayOfMonth(), month.lengthOfMonth()));
            assertThat(ChronoUnit.MONTHS.between(YearMonth.from(anchorLocal), month)).isEqualTo(steps);
        }
    }

    @Test
    void afterRunsGivesExactlyThatManyOccurrences() {
        qt().withExamples(500).forAll(recurrences(), integers().between(1, 40)).checkAssert((r, runs) -> {
            Recurrence bounded = r.endingAfter(runs);
            List<Occurrence> all = walk(bounded, runs + 5);

            assertThat(all).hasSize(runs);
            for (int k = 0; k < runs; k++) {
                assertThat(all.get(k)).isEqualTo(new Occurrence(k, r.occurrence(k).orElseThrow()));
            }
            assertThat(bounded.occurrence(runs)).isEmpty();
        });
    }

    @Test
    void untilKeepsExactlyTheOccurrencesUpToIt() {
        qt().withExamples(500).forAll(recurrences(), integers().between(0, 30), integers().between(0, 5 * 86_400))
                .checkAssert((r, j, extraSeconds) -> {
                    Instant until = r.occurrence(j).orElseThrow().plusSeconds(extraSeconds);
                    List<Occurrence> all = walk(r.endingAt(until), 10_000);

                    assertThat(all).isNotEmpty().allSatisfy(o -> assertThat(o.at()).isBeforeOrEqualTo(until));
                    long last = all.get(all.size() - 1).index();
                    assertThat(last).isGreaterThanOrEqualTo(j).isEqualTo(all.size() - 1L);
                    assertThat(r.occurrence(last + 1).orElseThrow()).isAfter(until);
                    assertThat(r.endingAt(until).occurrence(last + 1)).isEmpty();
                });
    }

    @Test
    void firstAfterIsTheNextOccurrenceWithItsIndex() {
        qt().forAll(recurrences(), integers().between(0, 60), integers().between(-200_000, 200_000))
                .checkAssert((r, j, deltaSeconds) -> {
                    Instant t = r.occurrence(j).orElseThrow().plusSeconds(deltaSeconds);
                    long k = 0;
                    while (!r.occurrence(k).orElseThrow().isAfter(t)) {
                        k++;
                    }
                    Optional<Occurrence> next = r.firstAfter(t);

                    assertThat(next).contains(new Occurrence(k, r.occurrence(k).orElseThrow()));
                    assertThat(r.nextAfter(t)).hasValueSatisfying(at -> assertThat(at).isAfter(t));
                    assertThat(r.firstAfter(t, new Occurrence(0, r.anchor()))).isEqualTo(next);
                });
    }

    /** Every occurrence of {@code r}, by repeated resumed {@code firstAfter}, up to {@code limit} of them. */
    static List<Occurrence> walk(Recurrence r, int limit) {
        List<Occurrence> result = new ArrayList<>();
        Optional<Occurrence> next = r.firstAfter(r.anchor().minusNanos(1));
        while (next.isPresent() && result.size() < limit) {
            result.add(next.get());
            next = r.firstAfter(next.get().at(), next.get());
        }
        return result;
    }
}
