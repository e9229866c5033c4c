package io.batchcall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.model.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final PhoneNumber FROM = PhoneNumber.of("+14155552000");
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    @Test
    void oneCallPerSecondMeansOneDialPerElapsedSecond() {
        Pacer pacer = new Pacer(1);
        assertThat(pacer.take(FROM, 10, T0)).isEqualTo(1);
        assertThat(pacer.take(FROM, 10, T0.plusMillis(500))).isZero();
        assertThat(pacer.take(FROM, 10, T0.plusSeconds(1))).isEqualTo(1);
        assertThat(pacer.take(PhoneNumber.of("+14155552001"), 10, T0)).as("other numbers have their own bucket")
                .isEqualTo(1);
        pacer.giveBack(FROM, 1);
        assertThat(pacer.take(FROM, 10, T0.plusSeconds(1))).isEqualTo(1);
        assertThat(new Pacer(0).take(FROM, 50, T0)).isEqualTo(50);
    }

    @Test
    void grantsNeverExceedOneSecondOfBurstPlusTheRateOverTime() {
        qt().forAll(doubles().between(0.1, 50), lists().of(integers().between(0, 3000)).ofSizeBetween(1, 60),
                integers().between(1, 40)).check((rate, gapsMs, wanted) -> {
                    Pacer pacer = new Pacer(rate);
                    Instant now = T0;
                    long granted = pacer.take(FROM, wanted, now);
                    for (int gap : gapsMs) {
                        now = now.plusMillis(gap);
                        granted += pacer.take(FROM, wanted, now);
                    }
                    double seconds = Duration.between(T0, now).toMillis() / 1000.0;
                    return granted <= Math.max(1, rate) + rate * seconds + 1e-9;
                });
    }
}
