package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AttemptId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.twilio.TwilioStatusCallbacks.Result;
import io.batchcall.twilio.internal.Signatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioStatusCallbacksTest {
    private static final String URL = "https://host.example/twilio/status?attempt=41";
    private static final Instant NOW = Instant.parse("2026-03-02T16:00:00Z");
    private final List<CallStatusUpdate> received = new CopyOnWriteArrayList<>();
    private final TwilioStatusCallbacks callbacks = TwilioStatusCallbacks.create(FakeTwilio.SID, FakeTwilio.TOKEN, u -> {
        received.add(u);
        return true;
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, List<String>> params(String status) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("AccountSid", List.of(FakeTwilio.SID));
        p.put("CallSid", List.of("CA" + "1".repeat(32)));
        p.put("CallStatus", List.of(status));
        p.put("SequenceNumber", List.of("3"));
        p.put("Timestamp", List.of("Mon, 02 Mar 2026 15:00:07 +0000"));
        p.put("To", List.of("+14155552671"));
        return p;
    }

    private Result post(String url, Map<String, List<String>> p) {
        return callbacks.handle(url, p, FakeTwilio.sign(FakeTwilio.TOKEN, url, p));
    }

    // Twilio's webhook-security example (auth token 12345). Two versions of it are published: the
    // Twilio helper libraries' test fixture with +14158675309 and the current docs page with
    // +14158675310. The docs page itself could not be read here; both values were found quoted from
    // them and were confirmed with an independent HMAC-SHA1 computation (Python's hmac) before use.
    @ParameterizedTest
    @CsvSource({"+14158675309, RSOYDt4T1cUTdK1PDd93/VVr8B8=", "+14158675310, GvWf1cFY/Q7PnoempGyD5oXAezc="})
    void signsTwiliosPublishedExample(String caller, String expected) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("To", List.of("+18005551212"));
        p.put("From", List.of(caller));
        p.put("Digits", List.of("1234"));
        p.put("CallSid", List.of("CA1234567890ABCDE"));
        p.put("Caller", List.of(caller));
        Signatures signatures = new Signatures("12345");
        assertThat(signatures.sign("https://mycompany.com/myapp.php?foo=1&bar=2", p)).isEqualTo(expected);
        assertThat(signatures.matches("https://mycompany.com/myapp.php?foo=1&bar=2", p, expected)).isTrue();
        assertThat(signatures.matches("https://mycompany.com/myapp.php?foo=1&bar=3", p, expected)).isFalse();
    }

    /**
     * The account in the callback URL reaches the engine with the update (the store finds the
     * attempt on the account's shard); a URL without it still works (looked up by attempt), and a
     * malformed one is refused, naming the parameter. The signature covers the URL, so the account
     * cannot be altered.
     */
    @Test
    void theAccountInTheCallbackUrlComesWithTheUpdate() {
        Result with = post(URL + "&account=acme", params("ringing"));
        Result without = post(URL, params("ringing"));
        Result bad = post(URL + "&account=" + "x".repeat(200), params("ringing"));
        Map<String, List<String>> p = params("ringing");
        Result altered = callbacks.handle(URL + "&account=globex", p, FakeTwilio.sign(FakeTwilio.TOKEN,
                URL + "&account=acme", p));

        assertThat(with.accepted()).as(with.reason()).isTrue();
        assertThat(without.accepted()).as(without.reason()).isTrue();
        assertThat(received).extracting(CallStatusUpdate::account)
                .containsExactly(io.batchcall.model.AccountId.of("acme"), null);
        assertThat(bad.httpStatus()).isEqualTo(400);
        assertThat(bad.reason()).contains("'account' parameter");
        assertThat(altered.httpStatus()).isEqualTo(403);
    }

    /** A host with the raw body: percent-encoded values (the + of E.164, spaces, commas) are decoded first. */
    @Test
    void aRawFormBodyIsDecodedThenValidated() {
        Map<String, List<String>> p = params("completed");
        p.put("CallDuration", List.of("42"));
        p.put("ErrorMessage", List.of("a, b & c"));
        String body = "AccountSid=" + FakeTwilio.SID + "&CallSid=CA" + "1".repeat(32) + "&CallStatus=completed"
                + "&SequenceNumber=3&Timestamp=Mon%2C+02+Mar+2026+15%3A00%3A07+%2B0000&To=%2B14155552671"
                + "&CallDuration=42&ErrorMessage=a%2C+b+%26+c";
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, URL, p);

        Result r = callbacks.handle(URL, body, signature);

        assertThat(r.accepted()).as(r.reason()).isTrue();
        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(u.talkTime()).isEqualTo(java.time.Duration.ofSeconds(42));
        });
        assertThat(callbacks.handle(URL, body.replace("CallDuration=42", "CallDuration=43"), signature).httpStatus())
                .isEqualTo(403);
    }

    @Test
    void aValidCallbackBecomesAnUpdateForTheAttemptInTheUrl() {
        Result r = post(URL, params("ringing"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.applied()).isTrue();
        assertThat(r.sequenceNumber()).isEqualTo(3);
        assertThat(received).containsExactly(new CallStatusUpdate(AttemptId.of(41), "CA" + "1".repeat(32),
                RecipientStatus.RINGING, Instant.parse("2026-03-02T15:00:07Z"), null, null));
    }

    @Test
    void aTamperedParameterIsForbiddenAndHasNoEffect() {
        Map<String, List<String>> p = params("ringing");
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, URL, p);
        p.put("CallStatus", List.of("completed"));

        Result r = callbacks.handle(URL, p, signature);

        assertThat(r.httpStatus()).isEqualTo(403);
        assertThat(r.reason()).contains("does not match");
        assertThat(received).isEmpty();
    }

    @Test
    void aChangedAttemptInTheUrlIsForbidden() {
        Map<String, List<String>> p = params("completed");
        Result r = callbacks.handle(URL.replace("41", "42"), p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));
        assertThat(r.httpStatus()).isEqualTo(403);
        assertThat(received).isEmpty();
    }

    @Test
    void aSignatureMadeWithAnotherTokenIsForbidden() {
        Map<String, List<String>> p = params("completed");
        assertThat(callbacks.handle(URL, p, FakeTwilio.sign("another-token", URL, p)).httpStatus()).isEqualTo(403);
    }

    @Test
    void aMissingSignatureIsForbidden() {
        Result r = callbacks.handle(URL, params("ringing"), null);
        assertThat(r.httpStatus()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("X-Twilio-Signature header is missing");
        assertThat(callbacks.handle(URL, params("ringing"), " ").httpStatus()).isEqualTo(403);
        assertThat(received).isEmpty();
    }

    @Test
    void anUnknownStatusIsRefusedWithItsName() {
        Result r = post(URL, params("answered-by-robot"));
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.reason()).contains("'answered-by-robot'").contains("expected one of");
        assertThat(received).isEmpty();
    }

    @Test
    void aUrlWithoutAnAttemptIsRefused() {
        Result r = post("https://host.example/twilio/status", params("ringing"));
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.reason()).contains("no 'attempt' parameter");
        assertThat(post("https://host.example/twilio/status?attempt=x", params("ringing")).reason())
                .contains("not a positive number");
        assertThat(received).isEmpty();
    }

    @Test
    void badTimestampsAndSequenceNumbersAreRefused() {
        Map<String, List<String>> p = params("ringing");
        p.put("Timestamp", List.of("2026-03-02T15:00:07Z"));
        assertThat(post(URL, p).reason()).isEqualTo("Timestamp '2026-03-02T15:00:07Z' is not an RFC 1123 date");
        p = params("ringing");
        p.put("SequenceNumber", List.of("three"));
        assertThat(post(URL, p).reason()).isEqualTo("SequenceNumber 'three' is not a number");
        assertThat(received).isEmpty();
    }

    @Test
    void aCallbackWithoutTimestampIsTimedByTheClock() {
        Map<String, List<String>> p = params("ringing");
        p.remove("Timestamp");
        assertThat(post(URL, p).update().at()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"queued, INITIATED", "initiated, INITIATED", "ringing, RINGING", "in-progress, IN_PROGRESS",
        "completed, COMPLETED", "busy, BUSY", "no-answer, NO_ANSWER", "failed, FAILED", "canceled, FAILED"})
    void everyTwilioStatusMaps(String twilioStatus, RecipientStatus expected) {
        assertThat(post(URL, params(twilioStatus)).update().status()).isEqualTo(expected);
    }

    @Test
    void theDurationOfACompletedCallIsItsTalkTime() {
        Map<String, List<String>> p = params("completed");
        p.put("CallDuration", List.of("42"));
        assertThat(post(URL, p).update().talkTime()).isEqualTo(Duration.ofSeconds(42));

        Map<String, List<String>> busy = params("busy");
        busy.put("CallDuration", List.of("0"));
        assertThat(post(URL, busy).update().talkTime()).isNull();
    }

    @Test
    void errorCodeMessageAndSipResponseBecomeTheReason() {
        Map<String, List<String>> p = params("failed");
        p.put("ErrorCode", List.of("13224"));
        p.put("ErrorMessage", List.of("Invalid phone number"));
        p.put("SipResponseCode", List.of("404"));
        assertThat(post(URL, p).update().reason()).isEqualTo("Twilio error 13224: Invalid phone number (SIP 404)");

        Map<String, List<String>> sipOnly = params("busy");
        sipOnly.put("SipResponseCode", List.of("486"));
        assertThat(post(URL, sipOnly).update().reason()).isEqualTo("SIP 486");
    }

    @Test
    void aSinkThatFailsIsReportedNotThrown() {
        TwilioStatusCallbacks failing = TwilioStatusCallbacks.create(FakeTwilio.SID, FakeTwilio.TOKEN, u -> {
            throw new IllegalStateException("store down");
        });
        Map<String, List<String>> p = params("ringing");
        Result r = failing.handle(URL, p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));
        assertThat(r.httpStatus()).isEqualTo(500);
        assertThat(r.reason()).contains("store down");
    }

    @Test
    void aDuplicateIsPassedOnAndTheSinksAnswerReported() {
        TwilioStatusCallbacks dedupe = TwilioStatusCallbacks.create(FakeTwilio.SID, FakeTwilio.TOKEN, u -> false);
        Map<String, List<String>> p = params("ringing");
        Result r = dedupe.handle(URL, p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));
        assertThat(r.accepted()).isTrue();
        assertThat(r.applied()).isFalse();
    }
}
