package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.batchcall.model.OutcomeRetry;
import io.batchcall.rules.RetryRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link RetryRules#next} (the retry time of a per-outcome rule) against the minute-stepping
 * {@link WindowOracle}: random windows in awkward zones (America/New_York, Europe/Berlin, Lord
 * Howe, Kathmandu...), instants near DST changes, delays, backoffs and "next window after N hours".
 */
class RetryTimePropertiesTest {
    private static final Duration SEARCH_BOUND = Duration.ofDays(16);

    record Case(CallWindow window, Instant endedAt, OutcomeRetry rule, int k) {
        @Override
        public String toString() {
            return window + " ended " + endedAt + " (" + endedAt.atZone(window.zone()).toLocalDateTime() + ") " + rule
                    + " k=" + k;
        }
    }

    private static Gen<OutcomeRetry> rules() {
        Gen<Duration> delays = integers().between(0, 3 * 24 * 60).map(m -> Duration.ofMinutes(m));
        Gen<Double> backoffs = integers().between(10, 40).map(t -> t / 10.0);
        Gen<Duration> gaps = integers().between(-10, 48).map(h -> h <= 0 ? Duration.ZERO : Duration.ofHours(h));
        return delays.zip(backoffs, integers().between(1, 6), gaps, OutcomeRetry::new);
    }

    private static Gen<Case> cases() {
        return ScheduleGens.windows().zip(ScheduleGens.instantSeeds(), rules(), integers().between(1, 6),
                (window, seed, rule, k) -> new Case(window, ScheduleGens.instant(window.zone(), seed), rule, k));
    }

    @Test
    void theRetryIsInsideTheWindowNotBeforeTheDelayNorTheGapAndTheFirstSuchInstant() {
        qt().withExamples(400).forAll(cases()).checkAssert(c -> {
            Optional<Instant> at = RetryRules.next(c.rule(), c.k(), c.endedAt(), List.of(c.window()));
            if (c.k() >= c.rule().maxAttempts()) {
                assertThat(at).as("no retry after maxAttempts endings").isEmpty();
                return;
            }
            Instant earliest = c.endedAt().plus(c.rule().delayAfter(c.k()));
            Instant gap = c.endedAt().plus(c.rule().nextWindowAfter());
            if (gap.isAfter(earliest)) {
                earliest = gap;
            }
            Instant r = at.orElseThrow();
            assertThat(WindowOracle.isOpen(c.window(), r)).as("open at %s", r).isTrue();
            assertThat(r).isAfterOrEqualTo(c.endedAt().plus(c.rule().delayAfter(c.k())));
            assertThat(Duration.between(c.endedAt(), r)).isGreaterThanOrEqualTo(c.rule().nextWindowAfter());
            Instant from = earliest;
            assertThat(r).as("the first open instant at or after %s", from).isEqualTo(WindowOracle.firstStep(from,
                    SEARCH_BOUND, true, i -> WindowOracle.isOpen(c.window(), i)).orElseThrow());
        });
    }

    @Test
    void theDelayGrowsByTheBackoffWithEachEnding() {
        qt().withExamples(200).forAll(rules(), integers().between(1, 30)).checkAssert((rule, k) -> {
            assertThat(rule.delayAfter(k + 1)).isGreaterThanOrEqualTo(rule.delayAfter(k));
            assertThat(rule.delayAfter(k)).isLessThanOrEqualTo(OutcomeRetry.MAX_DELAY);
            if (rule.backoff() == 1.0) {
                assertThat(rule.delayAfter(k)).isEqualTo(rule.delay());
            }
        });
    }

    /** A recipient with several zones waits until the window is open in all of them. */
    @Test
    void severalZonesMustAllBeOpen() {
        CallWindow ny = CallWindow.of("09:00", "17:00", "America/New_York");
        CallWindow berlin = new CallWindow(ny.start(), ny.end(), CallWindow.WEEKDAYS, ZoneId.of("Europe/Berlin"));
        CallWindow chicago = new CallWindow(ny.start(), ny.end(), CallWindow.WEEKDAYS, ZoneId.of("America/Chicago"));
        qt().withExamples(200).forAll(ScheduleGens.instantSeeds()).checkAssert(seed -> {
            Instant t = ScheduleGens.instant(ny.zone(), seed);
            Instant r = RetryRules.firstOpen(List.of(ny, chicago), t);
            assertThat(ny.isOpen(r) && chicago.isOpen(r)).isTrue();
            assertThat(r).isEqualTo(WindowOracle.firstStep(t, SEARCH_BOUND, true,
                    i -> ny.isOpen(i) && chicago.isOpen(i)).orElseThrow());
            // New York and Berlin share no office hour: the search gives up at a bounded instant
            assertThat(RetryRules.firstOpen(List.of(ny, berlin), t)).isAfterOrEqualTo(t);
        });
    }
}
