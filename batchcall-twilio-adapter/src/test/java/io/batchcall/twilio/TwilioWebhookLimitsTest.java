package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.twilio.TwilioStatusCallbacks.Result;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17's webhook probes: the signature header is checked before the body is touched, the body
 * and the parameter count are capped, bad percent-encoding is a 400 with a reason (never an
 * exception), the default port may be added or dropped by a proxy, and AccountSid must be ours.
 */
class TwilioWebhookLimitsTest {
    private static final String URL = "https://host.example/twilio/status?attempt=41";
    private static final String OTHER_ACCOUNT = "AC" + "f".repeat(32);
    private final List<CallStatusUpdate> received = new CopyOnWriteArrayList<>();
    private final TwilioStatusCallbacks callbacks = TwilioStatusCallbacks.create(FakeTwilio.SID, FakeTwilio.TOKEN,
            u -> {
                received.add(u);
                return true;
            }, Clock.fixed(Instant.parse("2026-03-02T16:00:00Z"), ZoneOffset.UTC));

    private static Map<String, List<String>> params(String account) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("AccountSid", List.of(account));
        p.put("CallSid", List.of("CA" + "1".repeat(32)));
        p.put("CallStatus", List.of("ringing"));
        return p;
    }

    private static String body(String account) {
        return "AccountSid=" + account + "&CallSid=CA" + "1".repeat(32) + "&CallStatus=ringing";
    }

    @Test
    void aMissingOrMalformedSignatureIsRefusedBeforeTheBodyIsDecoded() {
        InputStream untouched = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read without a signature header");
            }
        };
        assertThat(callbacks.handle(URL, untouched, null).httpStatus()).isEqualTo(403);
        assertThat(callbacks.handle(URL, untouched, "not a signature").reason())
                .isEqualTo("X-Twilio-Signature is not a signature (Base64 of 20 bytes)");
        // bad encoding without a signature: 403, not 400 — nothing was decoded
        assertThat(callbacks.handle(URL, "CallStatus=%zz", (String) null).httpStatus()).isEqualTo(403);
        assertThat(received).isEmpty();
    }

    @Test
    void malformedPercentEncodingIsABadRequestWithAReason() {
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, URL, params(FakeTwilio.SID));
        for (String bad : List.of("CallStatus=%zz", "CallStatus=%2", "CallStatus=%E9", "%=x")) {
            Result r = callbacks.handle(URL, body(FakeTwilio.SID) + "&" + bad, signature);

            assertThat(r.httpStatus()).as(bad).isEqualTo(400);
            assertThat(r.reason()).as(bad).startsWith("the callback body is not a valid form: ");
        }
        assertThat(callbacks.handle(URL, "CallStatus=%zz", signature).reason())
                .isEqualTo("the callback body is not a valid form: bad percent-encoding '%zz': '%' must be followed by "
                        + "two hex digits");
        Result badUrl = callbacks.handle("https://host.example/s?attempt=%zz", body(FakeTwilio.SID),
                FakeTwilio.sign(FakeTwilio.TOKEN, "https://host.example/s?attempt=%zz", params(FakeTwilio.SID)));
        assertThat(badUrl.httpStatus()).isEqualTo(400);
        assertThat(badUrl.reason()).isEqualTo("the callback URL is not a valid URI");
    }

    @Test
    void bodiesOverTheCapAreRefusedAndAStreamIsReadNoFurther() {
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, URL, params(FakeTwilio.SID));
        String big = body(FakeTwilio.SID) + "&Junk=" + "x".repeat(TwilioStatusCallbacks.MAX_BODY_BYTES);
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }
        };

        assertThat(callbacks.handle(URL, big, signature).httpStatus()).isEqualTo(413);
        Result streamed = callbacks.handle(URL, endless, signature);
        assertThat(streamed.httpStatus()).isEqualTo(413);
        assertThat(streamed.reason()).isEqualTo("the callback body is more than 65536 bytes");
        assertThat(read[0]).isEqualTo(TwilioStatusCallbacks.MAX_BODY_BYTES + 1);
    }

    @Test
    void tooManyParametersAreRefused() {
        StringBuilder body = new StringBuilder(body(FakeTwilio.SID));
        Map<String, List<String>> decoded = params(FakeTwilio.SID);
        for (int i = 0; i < TwilioStatusCallbacks.MAX_PARAMETERS; i++) {
            body.append("&p").append(i).append("=1");
            decoded.put("p" + i, List.of("1"));
        }
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, URL, decoded);

        assertThat(callbacks.handle(URL, body.toString(), signature).reason())
                .isEqualTo("the callback body has more than 200 parameters");
        assertThat(callbacks.handle(URL, decoded, signature).httpStatus()).isEqualTo(413);
    }

    @ParameterizedTest
    @CsvSource({
        "https://host.example/twilio/status?attempt=41, https://host.example:443/twilio/status?attempt=41",
        "https://host.example:443/twilio/status?attempt=41, https://host.example/twilio/status?attempt=41",
        "http://host.example/twilio/status?attempt=41, http://host.example:80/twilio/status?attempt=41"})
    void theDefaultPortMayBeAddedOrDroppedOnTheWay(String signedByTwilio, String seenByTheHost) {
        Map<String, List<String>> p = params(FakeTwilio.SID);

        Result r = callbacks.handle(seenByTheHost, p, FakeTwilio.sign(FakeTwilio.TOKEN, signedByTwilio, p));

        assertThat(r.accepted()).as(r.reason()).isTrue();
    }

    @Test
    void anotherPortIsAnotherUrl() {
        Map<String, List<String>> p = params(FakeTwilio.SID);
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, "https://host.example:8443/twilio/status?attempt=41", p);

        assertThat(callbacks.handle(URL, p, signature).httpStatus()).isEqualTo(403);
    }

    @Test
    void theAccountSidMustBeTheConfiguredAccount() {
        Map<String, List<String>> other = params(OTHER_ACCOUNT);
        Map<String, List<String>> none = params(FakeTwilio.SID);
        none.remove("AccountSid");

        Result r = callbacks.handle(URL, other, FakeTwilio.sign(FakeTwilio.TOKEN, URL, other));
        assertThat(r.httpStatus()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("AccountSid '" + OTHER_ACCOUNT + "' is not the configured account");
        assertThat(callbacks.handle(URL, none, FakeTwilio.sign(FakeTwilio.TOKEN, URL, none)).reason())
                .isEqualTo("AccountSid is missing");
        assertThat(received).isEmpty();
    }

    @Test
    void reasonsMaskNumbersAndHideUrlCredentials() {
        String url = "https://user:s3cret@host.example/twilio/status";
        Map<String, List<String>> p = params(FakeTwilio.SID);
        Result noAttempt = callbacks.handle(url, p, FakeTwilio.sign(FakeTwilio.TOKEN, url, p));
        assertThat(noAttempt.reason()).isEqualTo("the callback URL has no 'attempt' parameter: "
                + "https://***@host.example/twilio/status");

        p.put("CallStatus", List.of("failed"));
        p.put("ErrorCode", List.of("13224"));
        p.put("ErrorMessage", List.of("Invalid number +14155552671"));
        Result failed = callbacks.handle(URL, p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));
        assertThat(failed.update().reason()).isEqualTo("Twilio error 13224: Invalid number +*******2671");
    }

    @Test
    void aStreamedBodyWithinTheCapIsHandledLikeAString() {
        Map<String, List<String>> p = params(FakeTwilio.SID);
        Result r = callbacks.handle(URL, new ByteArrayInputStream(body(FakeTwilio.SID).getBytes(StandardCharsets.UTF_8)),
                FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));

        assertThat(r.accepted()).as(r.reason()).isTrue();
        assertThat(received).hasSize(1);
    }
}
