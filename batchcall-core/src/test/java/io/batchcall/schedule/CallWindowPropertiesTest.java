package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link CallWindow} against the minute-stepping {@link WindowOracle}, in awkward zones around DST. */
class CallWindowPropertiesTest {

    /** Longest a generated window can stay shut: one allowed day a week, skipped once by a gap. */
    private static final Duration SEARCH_BOUND = Duration.ofDays(15);

    /** Longest a generated window can stay open without being open all week: six whole days. */
    private static final Duration OPEN_BOUND = Duration.ofDays(7);

    record Case(CallWindow window, Instant t) {
        @Override
        public String toString() {
            return window + " at " + t + " (" + t.atZone(window.zone()).toLocalDateTime() + " "
                    + t.atZone(window.zone()).getDayOfWeek() + ")";
        }
    }

    private static Gen<Case> cases() {
        return ScheduleGens.windows().zip(ScheduleGens.instantSeeds(),
                (window, seed) -> new Case(window, ScheduleGens.instant(window.zone(), seed)));
    }

    @Test
    void isOpenAgreesWithTheOracle() {
        qt().withExamples(3000).forAll(cases()).checkAssert(c ->
                assertThat(c.window().isOpen(c.t())).isEqualTo(WindowOracle.isOpen(c.window(), c.t())));
    }

    @Test
    void nextOpeningIsTheFirstOpenInstantAtOrAfterT() {
        qt().withExamples(300).forAll(cases()).checkAssert(c -> {
            CallWindow window = c.window();
            Instant opening = window.nextOpening(c.t());

            assertThat(opening).isAfterOrEqualTo(c.t());
            assertThat(WindowOracle.isOpen(window, opening)).as("open at nextOpening %s", opening).isTrue();
            assertThat(opening).isEqualTo(WindowOracle.firstStep(c.t(), SEARCH_BOUND, true,
                    i -> WindowOracle.isOpen(window, i)).orElseThrow());
        });
    }

    @Test
    void nextClosingIsTheFirstClosedInstantAfterTheCurrentOrNextOpening() {
        qt().withExamples(300).forAll(cases()).checkAssert(c -> {
            CallWindow window = c.window();
            Instant closing = window.nextClosing(c.t());
            if (window.isAllDay() && window.days().size() == 7) {
                assertThat(closing).isEqualTo(Instant.MAX);
                return;
            }
            Instant from = window.isOpen(c.t()) ? c.t() : window.nextOpening(c.t());

            assertThat(closing).isAfter(from);
            assertThat(WindowOracle.isOpen(window, closing)).as("closed at nextClosing %s", closing).isFalse();
            assertThat(closing).as("open throughout [%s, nextClosing)", from).isEqualTo(
                    WindowOracle.firstStep(from, OPEN_BOUND, false, i -> !WindowOracle.isOpen(window, i)).orElseThrow());
        });
    }

    @Test
    void queriesAreConsistentWithEachOther() {
        qt().withExamples(1000).forAll(cases()).checkAssert(c -> {
            CallWindow window = c.window();
            Instant opening = window.nextOpening(c.t());
            assertThat(window.isOpen(opening)).isTrue();
            assertThat(window.nextOpening(opening)).isEqualTo(opening);
            if (window.isOpen(c.t())) {
                assertThat(opening).isEqualTo(c.t());
            }
            Instant closing = window.nextClosing(c.t());
            assertThat(closing).isEqualTo(window.nextClosing(opening));
            if (!closing.equals(Instant.MAX)) {
                assertThat(window.isOpen(closing)).isFalse();
                assertThat(window.nextOpening(closing)).isAfter(closing);
            }
        });
    }
}
