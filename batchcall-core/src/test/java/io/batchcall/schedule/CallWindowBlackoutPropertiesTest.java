package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Blackout dates on {@link CallWindow} against the minute-stepping {@link WindowOracle}: an instant
 * is open exactly when the oracle says so and its local date is not a blackout date. Instants and
 * blackout dates cluster around DST transitions, so 23- and 25-hour blackout days are common.
 */
class CallWindowBlackoutPropertiesTest {
    /** One allowed day a week, skipped by up to four blackout dates and once by a gap. */
    private static final Duration SEARCH_BOUND = Duration.ofDays(15 + 4 * 7);
    private static final Duration OPEN_BOUND = Duration.ofDays(8);

    record Case(CallWindow window, Instant t) {
        @Override
        public String toString() {
            return window + " at " + t + " (" + t.atZone(window.zone()).toLocalDateTime() + " "
                    + t.atZone(window.zone()).getDayOfWeek() + ")";
        }
    }

    private static Gen<Case> cases() {
        Gen<List<Integer>> offsets = lists().of(integers().between(-2, 9)).ofSizeBetween(1, 4);
        return ScheduleGens.windows().zip(ScheduleGens.instantSeeds(), offsets, (window, seed, days) -> {
            Instant t = ScheduleGens.instant(window.zone(), seed);
            LocalDate today = LocalDate.ofInstant(t, window.zone());
            Set<LocalDate> blackouts = new HashSet<>();
            for (int d : days) {
                blackouts.add(today.plusDays(d));
            }
            return new Case(window.withBlackouts(blackouts), t);
        });
    }

    private static boolean oracle(CallWindow w, Instant i) {
        return WindowOracle.isOpen(w, i) && !w.blackouts().contains(LocalDate.ofInstant(i, w.zone()));
    }

    @Test
    void isOpenIsTheWindowOutsideBlackoutDays() {
        qt().withExamples(3000).forAll(cases()).checkAssert(c ->
                assertThat(c.window().isOpen(c.t())).isEqualTo(oracle(c.window(), c.t())));
    }

    @Test
    void nextOpeningSkipsBlackoutDays() {
        qt().withExamples(200).forAll(cases()).checkAssert(c -> {
            CallWindow w = c.window();
            Instant opening = w.nextOpening(c.t());
            assertThat(opening).isEqualTo(WindowOracle.firstStep(c.t(), SEARCH_BOUND, true,
                    i -> oracle(w, i)).orElseThrow());
        });
    }

    @Test
    void nextClosingStopsAtABlackoutDay() {
        qt().withExamples(200).forAll(cases()).checkAssert(c -> {
            CallWindow w = c.window();
            Instant closing = w.nextClosing(c.t());
            Instant from = w.isOpen(c.t()) ? c.t() : w.nextOpening(c.t());
            // A window open around the clock closes only on a blackout date; after the last, never.
            Duration bound = w.isAllDay() && w.days().size() == 7 ? SEARCH_BOUND : OPEN_BOUND;
            assertThat(closing).isEqualTo(WindowOracle.firstStep(from, bound, false,
                    i -> !oracle(w, i)).orElse(Instant.MAX));
        });
    }

    @Test
    void withZoneKeepsTheDatesOnTheOtherCalendar() {
        qt().withExamples(500).forAll(cases(), ScheduleGens.zones()).checkAssert((c, zone) -> {
            CallWindow moved = c.window().withZone(zone);
            assertThat(moved.blackouts()).isEqualTo(c.window().blackouts());
            assertThat(moved.isOpen(c.t())).isEqualTo(oracle(moved, c.t()));
        });
    }
}
