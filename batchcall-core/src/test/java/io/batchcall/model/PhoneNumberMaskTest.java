package io.batchcall.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link PhoneNumber#masked()}: only the last four digits are shown. */
class PhoneNumberMaskTest {
    @Test
    void everyDigitButTheLastFourIsReplaced() {
        assertThat(PhoneNumber.of("+14155552671").masked()).isEqualTo("+*******2671");
        assertThat(PhoneNumber.of("+447911123456").masked()).isEqualTo("+********3456");
        assertThat(new PhoneNumber("+12345").masked()).isEqualTo("+*2345");
        assertThat(new PhoneNumber("+123").masked()).isEqualTo("+123");
    }

    @Test
    void theMaskedFormNeverContainsTheLeadingDigits() {
        PhoneNumber n = PhoneNumber.of("+4915112345678");
        assertThat(n.masked()).hasSize(n.e164().length()).doesNotContain("49151").endsWith("5678");
    }
}
