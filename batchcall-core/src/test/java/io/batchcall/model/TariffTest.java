package io.batchcall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TariffTest {
    @Test
    void defaultDialFeeIsHalfACent() {
        assertThat(Tariff.ofDefaults().dialFee()).isEqualTo(Money.usd("0.005"));
        assertThat(Tariff.ofDefaults().cost(Duration.ofMinutes(3))).isEqualTo(Money.usd("0.005"));
    }

    @Test
    void billableMinutesRoundUp() {
        assertThat(Tariff.billableMinutes(Duration.ZERO)).isZero();
        assertThat(Tariff.billableMinutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(Tariff.billableMinutes(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(Tariff.billableMinutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(Tariff.billableMinutes(Duration.ofMillis(60_001))).isEqualTo(2);
    }

    @Test
    void costIsFeePlusRatePerStartedMinute() {
        Tariff t = Tariff.of(Money.usd("0.013"));
        assertThat(t.cost(Duration.ofSeconds(61))).isEqualTo(Money.usd("0.031"));
        assertThat(t.holdAmount()).isEqualTo(Money.usd("0.018"));
        qt().forAll(integers().between(0, 36_000), longs().between(0, 1_000_000))
                .check((seconds, rateMicros) -> {
                    Tariff tariff = Tariff.of(Money.ofMicros(rateMicros, Tariff.DEFAULT_DIAL_FEE.currency()));
                    long minutes = (seconds + 59) / 60;
                    return tariff.cost(Duration.ofSeconds(seconds)).micros() == 5_000 + minutes * rateMicros;
                });
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> new Tariff(Money.usd("0.005"), Money.of("0.01", "EUR"), 1))
                .hasMessageContaining("share a currency");
        assertThatThrownBy(() -> Tariff.ofDefaults().withHoldMinutes(-1)).hasMessageContaining("holdMinutes")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Tariff.billableMinutes(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    }
}
