package io.batchcall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void parsesDecimalAmountsExactly() {
        assertThat(Money.usd("0.005").micros()).isEqualTo(5_000);
        assertThat(Money.of("12.345678", "EUR").micros()).isEqualTo(12_345_678);
        assertThat(Money.usd("0.005").toString()).isEqualTo("USD 0.005");
        assertThat(Money.usd("1").toBigDecimal()).isEqualByComparingTo("1");
    }

    @Test
    void refusesWhatItCannotHoldExactly() {
        assertThatThrownBy(() -> Money.usd("-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative").hasMessageContaining("-1");
        assertThatThrownBy(() -> Money.usd("0.0000001")).hasMessageContaining("at most 6 decimal places")
                .hasMessageContaining("0.0000001");
        assertThatThrownBy(() -> Money.usd("ten")).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> Money.of("1", "XYZW")).hasMessageContaining("ISO 4217").hasMessageContaining("XYZW");
        assertThatThrownBy(() -> Money.usd("1").plus(Money.of("1", "EUR"))).hasMessageContaining("currencies differ");
        assertThatThrownBy(() -> Money.usd("1").minus(Money.usd("2"))).hasMessageContaining("negative");
    }

    @Test
    void sumsAreExactWhateverTheOrder() {
        qt().forAll(lists().of(longs().between(0, 10_000_000_000L)).ofSizeBetween(0, 200))
                .check(amounts -> {
                    Money total = Money.zero(USD);
                    BigDecimal expected = BigDecimal.ZERO;
                    for (long micros : amounts) {
                        total = total.plus(Money.ofMicros(micros, USD));
                        expected = expected.add(BigDecimal.valueOf(micros, 6));
                    }
                    Money reversed = Money.zero(USD);
                    for (int i = amounts.size() - 1; i >= 0; i--) {
                        reversed = reversed.plus(Money.ofMicros(amounts.get(i), USD));
                    }
                    return total.equals(reversed) && total.toBigDecimal().compareTo(expected) == 0;
                });
    }

    @Test
    void addingThenSubtractingReturnsTheStart() {
        qt().forAll(longs().between(0, Long.MAX_VALUE / 4), longs().between(0, Long.MAX_VALUE / 4))
                .check((a, b) -> Money.ofMicros(a, USD).plus(Money.ofMicros(b, USD)).minus(Money.ofMicros(b, USD))
                        .equals(Money.ofMicros(a, USD)));
    }

    @Test
    void multiplicationIsRepeatedAddition() {
        qt().forAll(longs().between(0, 1_000_000_000L), integers().between(0, 500))
                .check((micros, n) -> {
                    Money m = Money.ofMicros(micros, USD);
                    Money sum = Money.zero(USD);
                    for (int i = 0; i < n; i++) {
                        sum = sum.plus(m);
                    }
                    return sum.equals(m.times(n));
                });
    }

    @Test
    void decimalRoundTripIsExact() {
        qt().forAll(longs().between(0, Long.MAX_VALUE))
                .check(micros -> Money.of(Money.ofMicros(micros, USD).toBigDecimal(), USD).micros() == micros);
    }
}
