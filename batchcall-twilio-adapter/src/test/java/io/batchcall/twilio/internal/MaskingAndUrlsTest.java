package io.batchcall.twilio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Number masking in free text, URL redaction and the signature's URL forms. */
class MaskingAndUrlsTest {
    @Test
    void numbersAreMaskedButSidsCodesAndTimesAreKept() {
        assertThat(Masking.numbers("The 'To' number +14155552671 is not valid; From 4155552000."))
                .isEqualTo("The 'To' number +*******2671 is not valid; From ******2000.");
        String sid = "CA" + "1234567890".repeat(3) + "12";
        assertThat(Masking.numbers("call " + sid + " error 21211 at 15:00:07")).isEqualTo("call " + sid
                + " error 21211 at 15:00:07");
        assertThat(Masking.numbers(null)).isNull();
    }

    @Test
    void userInfoIsRedacted() {
        assertThat(Urls.redacted(URI.create("https://u:p@host.example/x?y=1"))).isEqualTo("https://***@host.example/x?y=1");
        assertThat(Urls.redacted(URI.create("https://host.example/x"))).isEqualTo("https://host.example/x");
        assertThat(Urls.redacted("not a url with spaces")).isEqualTo("(an unparsable URL)");
    }

    @Test
    void signatureCandidatesAddOrDropOnlyTheDefaultPort() {
        assertThat(Urls.signatureCandidates("https://h.example/s?a=1")).containsExactly("https://h.example/s?a=1",
                "https://h.example:443/s?a=1");
        assertThat(Urls.signatureCandidates("https://h.example:443/s")).containsExactly("https://h.example:443/s",
                "https://h.example/s");
        assertThat(Urls.signatureCandidates("http://u:p@h.example/s")).containsExactly("http://u:p@h.example/s",
                "http://u:p@h.example:80/s");
        assertThat(Urls.signatureCandidates("https://h.example:8443/s")).containsExactly("https://h.example:8443/s");
    }

    @Test
    void loopbackHosts() {
        assertThat(Urls.isLoopback("127.0.0.1")).isTrue();
        assertThat(Urls.isLoopback("localhost")).isTrue();
        assertThat(Urls.isLoopback("[::1]")).isTrue();
        assertThat(Urls.isLoopback("127.evil.example")).isFalse();
        assertThat(Urls.isLoopback("api.twilio.com")).isFalse();
    }
}
