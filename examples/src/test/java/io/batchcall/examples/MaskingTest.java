package io.batchcall.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.PhoneNumber;
import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void aNumberKeepsOnlyItsLastFourDigits() {
        assertThat(Masking.phone(PhoneNumber.of("+14155552671"))).isEqualTo("+*******2671");
    }

    @Test
    void numbersWrittenInTextAreMaskedWithTheirSeparators() {
        assertThat(Masking.digits("212.779.2028")).isEqualTo("***.***.2028");
        assertThat(Masking.digits("duplicate: +12127792028 is already on an earlier row of this file"))
                .isEqualTo("duplicate: +*******2028 is already on an earlier row of this file");
        assertThat(Masking.digits("(312) 354-6468 and line 22")).isEqualTo("(***) ***-6468 and line 22");
    }
}
