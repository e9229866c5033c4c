package io.batchcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The backoff and dead-letter rule over random failures, bounds and jitter. */
class DeliveryRulesPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");

    /** Bounds from 1 ms to 1 h initial, cap from initial up to 1 day. */
    private static Gen<DeliverySettings> settings() {
        return integers().between(1, 100).zip(integers().between(1, 3_600_000), integers().between(0, 86_400),
                (attempts, initialMs, extraS) -> DeliverySettings.ofDefaults().withMaxAttempts(attempts)
                        .withBackoff(Duration.ofMillis(initialMs), Duration.ofMillis(Math.min(86_400_000L,
                                initialMs + extraS * 1000L))));
    }

    private static Gen<Double> unit() {
        return doubles().between(0, 0.999_999_999);
    }

    @Test
    void anEventIsDeadLetteredExactlyWhenItsFailuresReachTheMaximum() {
        qt().withExamples(2000).forAll(settings(), integers().between(1, 120), unit()).checkAssert((s, n, r) -> {
            DeliveryRules.Next next = DeliveryRules.afterFailure(n, s, NOW, r);
            assertThat(next.deadLetter()).isEqualTo(n >= s.maxAttempts());
            assertThat(next.retryAt() == null).isEqualTo(next.deadLetter());
        });
    }

    @Test
    void aRetryWaitsBetweenHalfAndAllOfTheCappedExponentialBackoff() {
        qt().withExamples(2000).forAll(settings(), integers().between(1, 99), unit()).checkAssert((s, n, r) -> {
            Duration wait = DeliveryRules.backoff(n, s.initialBackoff(), s.maxBackoff(), r);
            long full = Math.min(s.maxBackoff().toMillis(),
                    s.initialBackoff().toMillis() * (1L << Math.min(40, n - 1)));
            assertThat(wait.toMillis()).as("failure %d, %s", n, s).isBetween(full / 2, full);
            assertThat(wait).isLessThanOrEqualTo(s.maxBackoff());
            DeliveryRules.Next next = DeliveryRules.afterFailure(n, s, NOW, r);
            if (!next.deadLetter()) {
                assertThat(next.retryAt()).isEqualTo(NOW.plus(wait)).isAfterOrEqualTo(NOW);
            }
        });
    }

    @Test
    void theBackoffNeverShrinksAsFailuresGrowForTheSameJitter() {
        qt().withExamples(1000).forAll(settings(), integers().between(1, 98), unit()).checkAssert((s, n, r) -> {
            Duration now = DeliveryRules.backoff(n, s.initialBackoff(), s.maxBackoff(), r);
            Duration later = DeliveryRules.backoff(n + 1, s.initialBackoff(), s.maxBackoff(), r);
            assertThat(later).isGreaterThanOrEqualTo(now);
        });
    }

    @Test
    void theJitterSourceDecidesAloneSoTestsAreDeterministic() {
        DeliverySettings s = DeliverySettings.ofDefaults().withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5));
        assertThat(DeliveryRules.backoff(1, s.initialBackoff(), s.maxBackoff(), 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DeliveryRules.backoff(3, s.initialBackoff(), s.maxBackoff(), 0.5))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryRules.backoff(30, s.initialBackoff(), s.maxBackoff(), 0.0))
                .isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void badInputsAreRefusedWithTheirValue() {
        DeliverySettings s = DeliverySettings.ofDefaults();
        assertThatThrownBy(() -> DeliveryRules.afterFailure(0, s, NOW, 0.1))
                .hasMessage("failures must be at least 1, but was 0");
        assertThatThrownBy(() -> DeliveryRules.backoff(1, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.0))
                .hasMessage("random must be in [0, 1), but was 1.0");
        assertThatThrownBy(() -> s.withMaxAttempts(0)).hasMessage("maxAttempts must be between 1 and 100, but was 0");
        assertThatThrownBy(() -> s.withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessageStartingWith("maxBackoff must be between PT10S and PT24H, but was PT5S");
        assertThatThrownBy(() -> s.withLease(Duration.ofMillis(10))).hasMessageStartingWith("lease must be between");
        assertThatThrownBy(() -> s.withLease(Duration.ofSeconds(15))).hasMessageContaining(
                "lease must be longer than connectTimeout + requestTimeout").hasMessageContaining("PT15S");
    }
}
