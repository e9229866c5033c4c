package io.batchcall.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frequency-cap rule against counting by hand. */
class FrequencyCapPropertiesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private static long count(List<Instant> dials, Instant now, Duration span) {
        return dials.stream().filter(d -> d.isAfter(now.minus(span)) && !d.isAfter(now)).count();
    }

    private static boolean allowedByHand(FrequencyCap cap, List<Instant> dials, Instant now) {
        return (cap.perDay() == 0 || count(dials, now, FrequencyCap.DAY) < cap.perDay())
                && (cap.perWeek() == 0 || count(dials, now, FrequencyCap.WEEK) < cap.perWeek());
    }

    @Test
    void aSequenceOfDecisionsNeverExceedsEitherLimitInAnyRollingSpan() {
        qt().withExamples(300).forAll(integers().between(0, 4), integers().between(0, 9),
                lists().of(integers().between(0, 36 * 60)).ofSizeBetween(1, 60)).checkAssert((day, week, gaps) -> {
                    FrequencyCap cap = new FrequencyCap(day, week);
                    List<Instant> stored = List.of();
                    List<Instant> placed = new ArrayList<>();
                    Instant now = T0;
                    for (int gap : gaps) {
                        now = now.plus(Duration.ofMinutes(gap));
                        FrequencyCap.Decision d = cap.decide(stored, now);
                        assertThat(d.allowed()).as("at %s after %s", now, placed)
                                .isEqualTo(allowedByHand(cap, placed, now));
                        if (d.allowed()) {
                            placed.add(now);
                            stored = d.history();
                        } else {
                            assertThat(d.allowedAt()).isAfter(now);
                            assertThat(allowedByHand(cap, placed, d.allowedAt())).isTrue();
                            assertThat(allowedByHand(cap, placed, d.allowedAt().minusNanos(1))).isFalse();
                            assertThat(stored).containsAll(d.history());
                        }
                        assertThat(d.history().size()).isLessThanOrEqualTo(Math.max(1, Math.max(day, week)));
                    }
                    for (Instant p : placed) {
                        if (day > 0) {
                            assertThat(count(placed, p.plus(FrequencyCap.DAY).minusNanos(1), FrequencyCap.DAY))
                                    .isLessThanOrEqualTo(day);
                        }
                        if (week > 0) {
                            assertThat(count(placed, p.plus(FrequencyCap.WEEK).minusNanos(1), FrequencyCap.WEEK))
                                    .isLessThanOrEqualTo(week);
                        }
                    }
                });
    }

    @Test
    void limitsAreValidated() {
        assertThat(FrequencyCap.off().isOff()).isTrue();
        assertThatThrownBy(() -> new FrequencyCap(-1, 0)).hasMessage(
                "frequency cap perDay must be between 0 and 1000, but was -1");
        assertThatThrownBy(() -> new FrequencyCap(0, 1001)).hasMessageContaining("perWeek");
    }

    @Test
    void threeADayWaitsForTheFirstToLeaveTheDay() {
        FrequencyCap cap = new FrequencyCap(3, 0);
        List<Instant> dials = List.of(T0, T0.plusSeconds(3600), T0.plusSeconds(7200));
        FrequencyCap.Decision d = cap.decide(dials, T0.plusSeconds(10_000));
        assertThat(d.allowed()).isFalse();
        assertThat(d.allowedAt()).isEqualTo(T0.plus(FrequencyCap.DAY));
    }
}
