package io.batchcall.twilio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchcall.spi.TelephonyException;
import io.batchcall.spi.TelephonyException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Twilio's error responses and transport failures into {@link TelephonyException}s whose
 * kind tells the engine what to do next. Twilio's error body is
 * {@code {"code":21211,"message":"…","more_info":"…","status":400}}. Phone numbers quoted in
 * Twilio's messages are masked ({@link Masking}) in every message made here.
 */
public final class TwilioErrors {
    /** The callee cannot be called: the recipient fails, the batch goes on. */
    static final Set<Integer> PERMANENT_CODES = Set.of(21211, 21214, 21215, 21216, 21217, 21219, 21610, 13224,
            13225, 13227);
    /** Credentials, account or caller id: no call of the batch can succeed. */
    static final Set<Integer> FATAL_CODES = Set.of(20003, 20005, 20404, 21210, 21212, 21213);
    static final int TOO_MANY_REQUESTS = 20429;

    private final ObjectMapper json;
    private final Clock clock;

    public TwilioErrors(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Classifies a non-2xx answer: 429/20429 retryable (with Retry-After), callee codes permanent,
     * 401/403 and account or caller codes fatal, 5xx ambiguous, any other 4xx permanent (Twilio
     * refused this request, so nothing was dialed, and the code does not say the batch is broken).
     */
    public TelephonyException classify(String operation, int httpStatus, String body, Optional<String> retryAfter) {
        TwilioError error = parse(body);
        String what = operation + ": HTTP " + httpStatus + Masking.numbers(describe(error, body));
        Integer code = error == null ? null : error.code();
        Kind kind;
        if (httpStatus == 429 || (code != null && code == TOO_MANY_REQUESTS)) {
            return new TelephonyException(Kind.RETRYABLE, what, retryAfter.map(this::retryAfter).orElse(null), null);
        } else if (httpStatus >= 500) {
            kind = Kind.AMBIGUOUS;
        } else if (httpStatus == 401 || httpStatus == 403 || (code != null && FATAL_CODES.contains(code))) {
            kind = Kind.FATAL;
        } else if (httpStatus >= 400) {
            kind = Kind.PERMANENT;
        } else {
            kind = Kind.AMBIGUOUS; // 1xx/3xx: not an answer Twilio gives to this API
        }
        return new TelephonyException(kind, what);
    }

    /** A failure with no usable answer: a refused connection was never sent; anything else may have been. */
    public TelephonyException transport(String operation, IOException e) {
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
            return new TelephonyException(Kind.RETRYABLE, operation + ": could not connect to Twilio (" + e
                    + "); nothing was sent", null, e);
        }
        String what = e instanceof HttpTimeoutException ? "no answer from Twilio in time"
                : e instanceof BoundedBody.TooLargeException ? "the answer was too large" : "connection failed";
        return new TelephonyException(Kind.AMBIGUOUS, operation + ": " + what + " (" + e
                + "); the request may have been processed", null, e);
    }

    public TelephonyException unreadable(String operation, int httpStatus, String body, Exception cause) {
        return new TelephonyException(Kind.AMBIGUOUS, operation + ": HTTP " + httpStatus
                + " with a body that is not the expected JSON (" + Masking.numbers(abbreviate(body)) + ")", null, cause);
    }

    /** The error body, or null if the body is not Twilio's error JSON. */
    public TwilioError parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                return null;
            }
            JsonNode code = node.get("code");
            return new TwilioError(code != null && code.canConvertToInt() ? code.intValue() : null,
                    text(node, "message"), text(node, "more_info"));
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String describe(TwilioError error, String body) {
        if (error == null) {
            return body == null || body.isBlank() ? " with an empty body" : " (" + abbreviate(body) + ")";
        }
        return ", Twilio error " + (error.code() == null ? "(no code)" : error.code()) + ": "
                + (error.message() == null ? "(no message)" : error.message())
                + (error.moreInfo() == null ? "" : " (" + error.moreInfo() + ")");
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "empty";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    /** Retry-After as delta-seconds or an HTTP date; null if unparsable or in the past. */
    Duration retryAfter(String header) {
        String v = header.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Twilio's error JSON; any field may be missing. */
    public record TwilioError(Integer code, String message, String moreInfo) {
    }
}
