package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.batchcall.spi.TelephonyException;
import io.batchcall.spi.TelephonyException.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioErrorClassificationTest extends FakeTwilioTest {

    @Override
    protected TwilioTelephonyBuilder configure(TwilioTelephonyBuilder builder) {
        return builder.requestTimeout(Duration.ofSeconds(3))
                .clock(Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC));
    }

    private TelephonyException placeFails() {
        return catchThrowableOfType(() -> telephony.place(Requests.call(9)), TelephonyException.class);
    }

    @ParameterizedTest(name = "HTTP {0}, code {1} -> {2}")
    @CsvSource({
        "429, 20429, RETRYABLE", "400, 20429, RETRYABLE", "429, 0, RETRYABLE",
        "400, 21211, PERMANENT", "400, 21214, PERMANENT", "400, 21215, PERMANENT", "400, 21216, PERMANENT",
        "400, 21217, PERMANENT", "400, 21219, PERMANENT", "400, 21610, PERMANENT", "400, 13224, PERMANENT",
        "400, 13225, PERMANENT", "400, 13227, PERMANENT", "400, 21205, PERMANENT",
        "401, 20003, FATAL", "403, 20003, FATAL", "401, 20005, FATAL", "404, 20404, FATAL", "400, 21210, FATAL",
        "400, 21212, FATAL", "400, 21213, FATAL", "403, 0, FATAL",
        "500, 20500, AMBIGUOUS", "502, 0, AMBIGUOUS", "503, 0, AMBIGUOUS"})
    void twilioErrorsAreClassified(int http, int code, Kind expected) {
        twilio.answerNextWithError(http, code, "Twilio says no");

        TelephonyException e = placeFails();

        assertThat(e.kind()).isEqualTo(expected);
        assertThat(e.isRetryable()).isEqualTo(expected == Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("HTTP " + http).contains("Twilio error " + code + ": Twilio says no")
                .contains("attempt 9");
    }

    @Test
    void theMessageNamesTheTwilioCodeAndMessage() {
        twilio.answerNextWithError(400, 21211, "The 'To' number 5551234567 is not a valid phone number.");
        // numbers masked (issue 10): ours and the one Twilio's message quotes
        assertThat(placeFails().getMessage()).isEqualTo("placing call for attempt 9 to +*******2671: HTTP 400, Twilio"
                + " error 21211: The 'To' number ******4567 is not a valid phone number."
                + " (https://www.twilio.com/docs/errors/21211)");
    }

    @Test
    void retryAfterInSecondsAndAsADateIsHonoured() {
        twilio.answerNext(429, FakeTwilio.errorJson(429, 20429, "Too Many Requests"), Map.of("Retry-After", "7"), 0);
        assertThat(placeFails().retryAfter()).isEqualTo(Duration.ofSeconds(7));

        twilio.answerNext(429, "", Map.of("Retry-After", "Mon, 02 Mar 2026 15:01:00 GMT"), 0);
        assertThat(placeFails().retryAfter()).isEqualTo(Duration.ofMinutes(1));

        twilio.answerNext(429, "", Map.of(), 0);
        TelephonyException noHint = placeFails();
        assertThat(noHint.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(noHint.retryAfter()).isNull();
    }

    @Test
    void aServerErrorWithAnHtmlBodyIsAmbiguous() {
        twilio.answerNext(502, "<html>Bad Gateway</html>", Map.of(), 0);
        TelephonyException e = placeFails();
        assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(e.getMessage()).contains("HTTP 502").contains("<html>Bad Gateway</html>");
    }

    @Test
    void aReadTimeoutIsAmbiguous() {
        twilio.answerNext(201, "{\"sid\":\"CAlate\"}", Map.of(), 6_000);
        TelephonyException e = placeFails();
        assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(e.getMessage()).contains("no answer from Twilio in time").contains("may have been processed");
    }

    @Test
    void aCreatedAnswerWithoutASidIsAmbiguous() {
        twilio.answerNext(201, "{\"status\":\"queued\"}", Map.of(), 0);
        assertThat(placeFails().kind()).isEqualTo(Kind.AMBIGUOUS);
        twilio.answerNext(201, "not json", Map.of(), 0);
        assertThat(placeFails().kind()).isEqualTo(Kind.AMBIGUOUS);
    }

    @Test
    void aRefusedConnectionSentNothingAndIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        TwilioTelephony nowhere = twilio.builder().apiBase(URI.create("http://127.0.0.1:" + closedPort)).build();
        TelephonyException e = catchThrowableOfType(() -> nowhere.place(Requests.call(9)), TelephonyException.class);
        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("could not connect").contains("nothing was sent");
    }
}
