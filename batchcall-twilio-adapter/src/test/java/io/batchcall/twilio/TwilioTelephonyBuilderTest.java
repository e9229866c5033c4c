package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TwilioTelephonyBuilderTest {
    private static final URI STATUS = URI.create("https://host.example/status");
    private static final URI ANSWER = URI.create("https://host.example/answer");

    @Test
    void theAccountSidMustBeACAnd32HexDigits() {
        assertThatThrownBy(() -> TwilioTelephony.builder("AC123", "token", STATUS, ANSWER))
                .hasMessage("accountSid must be 'AC' followed by 32 hex digits, but was 'AC123'");
        assertThatThrownBy(() -> TwilioTelephony.builder("SK" + "0".repeat(32), "token", STATUS, ANSWER))
                .hasMessageContaining("'SK0000");
        assertThatThrownBy(() -> TwilioTelephony.builder(null, "token", STATUS, ANSWER))
                .hasMessageContaining("but was null");
    }

    @Test
    void theAuthTokenMustBeGivenAndIsNeverEchoed() {
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, " ", STATUS, ANSWER))
                .hasMessage("authToken must not be blank");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, null, STATUS, ANSWER))
                .hasMessage("authToken must not be null");
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", URI.create("/status"), ANSWER))
                .hasMessage("statusCallbackUrl must be an absolute http(s) URL with a host, but was '/status'");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", STATUS, URI.create("ftp://h/a")))
                .hasMessage("answerUrl must be an absolute http(s) URL with a host, but was 'ftp://h/a'");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", STATUS, URI.create("https://h/a#x")))
                .hasMessage("answerUrl must not have a fragment, but was 'https://h/a#x'");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", null, ANSWER))
                .hasMessage("statusCallbackUrl must not be null");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", STATUS, ANSWER)
                .apiBase(URI.create("https://api.example?x=1")))
                .hasMessage("apiBase must not have a query, but was 'https://api.example?x=1'");
    }

    @Test
    void theRequestTimeoutMustBePositiveAndBounded() {
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", STATUS, ANSWER)
                .requestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout must be positive and at most 5 min, but was PT0S");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", STATUS, ANSWER)
                .requestTimeout(Duration.ofMinutes(6)))
                .hasMessage("requestTimeout must be positive and at most 5 min, but was PT6M");
        assertThatThrownBy(() -> TwilioTelephony.builder(FakeTwilio.SID, "t", STATUS, ANSWER).httpClient(null))
                .hasMessage("httpClient must not be null");
    }

    @Test
    void theCallbackHandlerChecksItsArguments() {
        assertThatThrownBy(() -> TwilioStatusCallbacks.create(FakeTwilio.SID, "", u -> true))
                .hasMessage("authToken must not be blank");
        assertThatThrownBy(() -> TwilioStatusCallbacks.create(FakeTwilio.SID, "t", null))
                .hasMessage("sink must not be null");
        assertThatThrownBy(() -> TwilioStatusCallbacks.create("AC1", "t", u -> true))
                .hasMessage("accountSid must be 'AC' followed by 32 hex digits, but was 'AC1'");
    }
}
