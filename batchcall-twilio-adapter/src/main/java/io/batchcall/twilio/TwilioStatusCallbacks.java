package io.batchcall.twilio;

import io.batchcall.model.AttemptId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.twilio.internal.CallResources;
import io.batchcall.twilio.internal.CallStatuses;
import io.batchcall.twilio.internal.Forms;
import io.batchcall.twilio.internal.Signatures;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Twilio's call status webhook, without a web framework: the host's HTTP server calls
 * {@link #handle} with the public URL Twilio posted to, the decoded form parameters and the
 * {@code X-Twilio-Signature} header, and answers with {@link Result#httpStatus()}.
 *
 * <p>The signature is checked first (HMAC-SHA1 keyed with the auth token over the URL and the
 * sorted parameters, compared in constant time); a request that fails it has no effect. The URL
 * must be exactly the one Twilio used, query included: behind a proxy, rebuild it from the public
 * scheme, host and path, not from the socket. An accepted callback becomes a
 * {@link CallStatusUpdate} for the attempt named by the URL's {@code attempt} parameter and is
 * handed to the sink. Nothing is thrown to the host for bad input; every refusal says why.
 *
 * <p>Replays and duplicates are the sink's business (it applies updates monotonically).
 * Thread-safe.
 */
public final class TwilioStatusCallbacks {
    private final Signatures signatures;
    private final CallStatusSink sink;
    private final Clock clock;

    private TwilioStatusCallbacks(String authToken, CallStatusSink sink, Clock clock) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken must not be " + (authToken == null ? "null" : "blank"));
        }
        this.signatures = new Signatures(authToken);
        this.sink = Objects.requireNonNull(sink, "sink must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** A handler feeding {@code sink} (usually {@code BatchCalls.statusSink()}), timing undated callbacks by the UTC clock. */
    public static TwilioStatusCallbacks create(String authToken, CallStatusSink sink) {
        return new TwilioStatusCallbacks(authToken, sink, Clock.systemUTC());
    }

    /** As {@link #create(String, CallStatusSink)}; {@code clock} times a callback that has no {@code Timestamp}. */
    public static TwilioStatusCallbacks create(String authToken, CallStatusSink sink, Clock clock) {
        return new TwilioStatusCallbacks(authToken, sink, clock);
    }

    /**
     * What became of one callback.
     *
     * @param httpStatus what the host should answer: 200 accepted, 403 bad signature, 400 unusable
     * @param reason why it was refused; null when accepted
     * @param update the update handed to the sink; null when refused
     * @param applied the sink's answer: false for a duplicate, stale or unknown attempt
     * @param sequenceNumber Twilio's {@code SequenceNumber} (orders one call's callbacks); -1 if absent
     */
    public record Result(int httpStatus, String reason, CallStatusUpdate update, boolean applied, long sequenceNumber) {
        public boolean accepted() {
            return httpStatus == 200;
        }

        static Result forbidden(String reason) {
            return new Result(403, reason, null, false, -1);
        }

        static Result badRequest(String reason) {
            return new Result(400, reason, null, false, -1);
        }
    }

    /**
     * Validates and applies one status callback.
     *
     * @param fullUrl the URL Twilio requested, with its query string, as Twilio saw it
     * @param formParameters the decoded POST body parameters (not the query parameters)
     * @param xTwilioSignature the {@code X-Twilio-Signature} header; null if absent
     */
    public Result handle(String fullUrl, Map<String, List<String>> formParameters, String xTwilioSignature) {
        if (fullUrl == null || fullUrl.isBlank()) {
            return Result.badRequest("the request URL is missing");
        }
        Map<String, List<String>> params = formParameters == null ? Map.of() : formParameters;
        if (xTwilioSignature == null || xTwilioSignature.isBlank()) {
            return Result.forbidden("X-Twilio-Signature header is missing");
        }
        if (!signatures.matches(fullUrl, params, xTwilioSignature.trim())) {
            return Result.forbidden("X-Twilio-Signature does not match the URL and parameters (wrong URL, auth token,"
                    + " or altered parameters)");
        }
        try {
            return accept(fullUrl, params);
        } catch (RuntimeException e) {
            // Includes a sink failure: Twilio retries a non-2xx answer for a short while.
            return new Result(500, "the callback could not be applied: " + e, null, false, -1);
        }
    }

    /**
     * As {@link #handle(String, Map, String)}, for a host that has the raw
     * {@code application/x-www-form-urlencoded} request body rather than decoded parameters.
     */
    public Result handle(String fullUrl, String formBody, String xTwilioSignature) {
        return handle(fullUrl, Forms.decode(formBody), xTwilioSignature);
    }

    private Result accept(String fullUrl, Map<String, List<String>> params) {
        AttemptId attempt;
        try {
            List<String> values = Forms.decode(new URI(fullUrl).getRawQuery()).get("attempt");
            if (values == null || values.isEmpty()) {
                return Result.badRequest("the callback URL has no 'attempt' parameter: " + fullUrl);
            }
            attempt = AttemptId.of(Long.parseLong(values.get(0)));
        } catch (URISyntaxException e) {
            return Result.badRequest("the callback URL is not a valid URI: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Result.badRequest("the callback URL's 'attempt' parameter is not a positive number: " + fullUrl);
        }
        String callStatus = first(params, "CallStatus");
        RecipientStatus status = CallStatuses.toRecipientStatus(callStatus).orElse(null);
        if (status == null) {
            return Result.badRequest(callStatus == null ? "CallStatus is missing"
                    : "CallStatus '" + callStatus + "' is unknown; expected one of " + CallStatuses.known());
        }
        Instant at;
        String timestamp = first(params, "Timestamp");
        try {
            at = timestamp == null ? clock.instant()
                    : ZonedDateTime.parse(timestamp, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Result.badRequest("Timestamp '" + timestamp + "' is not an RFC 1123 date");
        }
        long sequence = -1;
        String seq = first(params, "SequenceNumber");
        if (seq != null) {
            try {
                sequence = Long.parseLong(seq);
            } catch (NumberFormatException e) {
                return Result.badRequest("SequenceNumber '" + seq + "' is not a number");
            }
        }
        Duration talkTime = status == RecipientStatus.COMPLETED ? CallResources.seconds(first(params, "CallDuration"))
                : null;
        CallStatusUpdate update = new CallStatusUpdate(attempt, first(params, "CallSid"), status, at, talkTime,
                reason(params));
        boolean applied = sink.onCallStatus(update);
        return new Result(200, null, update, applied, sequence);
    }

    /** "Twilio error 13224: message (SIP 404)" from ErrorCode, ErrorMessage and SipResponseCode; null if none. */
    static String reason(Map<String, List<String>> params) {
        String code = first(params, "ErrorCode");
        String message = first(params, "ErrorMessage");
        String sip = first(params, "SipResponseCode");
        StringBuilder out = new StringBuilder();
        if (code != null || message != null) {
            out.append("Twilio error ").append(code == null ? "(no code)" : code);
            if (message != null) {
                out.append(": ").append(message);
            }
        }
        if (sip != null) {
            out.append(out.length() == 0 ? "SIP " + sip : " (SIP " + sip + ")");
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }
}
