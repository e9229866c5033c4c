package io.batchcall.twilio;

import io.batchcall.model.AccountId;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.AttemptId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.twilio.internal.CallResources;
import io.batchcall.twilio.internal.AnsweredByValues;
import io.batchcall.twilio.internal.CallStatuses;
import io.batchcall.twilio.internal.Forms;
import io.batchcall.twilio.internal.Masking;
import io.batchcall.twilio.internal.Signatures;
import io.batchcall.twilio.internal.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Twilio's call status webhook, without a web framework: the host's HTTP server calls
 * {@link #handle} with the public URL Twilio posted to, the body (raw, as a stream or a string, or
 * decoded parameters) and the {@code X-Twilio-Signature} header, and answers with
 * {@link Result#httpStatus()}.
 *
 * <p>Checks, in this order, each refusing the request with no effect:
 * <ol>
 *   <li>the {@code X-Twilio-Signature} header is present and has the form of a signature (403),
 *       before anything of the body is read or decoded;</li>
 *   <li>the body is at most {@value #MAX_BODY_BYTES} bytes (413) and has at most
 *       {@value #MAX_PARAMETERS} parameters (413); its percent-encoding is well formed (400, with
 *       the reason);</li>
 *   <li>the signature (HMAC-SHA1 keyed with the auth token over the URL and the sorted
 *       parameters, compared in constant time) matches the URL as given or, as Twilio's helper
 *       libraries accept, the same URL with the default port ({@code :443}, {@code :80}) added or
 *       removed, since proxies add or drop it (403);</li>
 *   <li>{@code AccountSid} is the configured account (403).</li>
 * </ol>
 * The URL must otherwise be exactly the one Twilio used, query included: behind a proxy, rebuild
 * it from the public scheme, host and path, not from the socket. An accepted callback becomes a
 * {@link CallStatusUpdate} for the attempt named by the URL's {@code attempt} parameter and is
 * handed to the sink. The same handler takes the asynchronous answering-machine detection callback
 * ({@code AsyncAmdStatusCallback}, which has {@code AnsweredBy} and no {@code CallStatus}): it
 * becomes an {@code in_progress} update carrying who answered ({@code human}; {@code machine_start},
 * {@code machine_end_beep}, {@code machine_end_silence}, {@code machine_end_other} as machine;
 * {@code fax}; {@code unknown}), checked exactly like a status callback. Nothing is thrown to the host, whatever the input; every refusal says why
 * (with phone numbers masked and URLs without user-info).
 *
 * <p>Replays and duplicates are the sink's business (it applies updates monotonically).
 * Thread-safe.
 */
public final class TwilioStatusCallbacks {
    /** The largest body accepted; Twilio's status callbacks are about 1 KB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The most parameters accepted; Twilio's status callbacks have about 25. */
    public static final int MAX_PARAMETERS = 200;
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{27}=");

    private final String accountSid;
    private final Signatures signatures;
    private final CallStatusSink sink;
    private final Clock clock;

    private TwilioStatusCallbacks(String accountSid, String authToken, CallStatusSink sink, Clock clock) {
        if (accountSid == null || !accountSid.matches("AC[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("accountSid must be 'AC' followed by 32 hex digits, but was "
                    + (accountSid == null ? "null" : "'" + accountSid + "'"));
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken must not be " + (authToken == null ? "null" : "blank"));
        }
        this.accountSid = accountSid;
        this.signatures = new Signatures(authToken);
        this.sink = Objects.requireNonNull(sink, "sink must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * A handler for the account {@code accountSid}, feeding {@code sink} (usually
     * {@code BatchCalls.statusSink()}), timing undated callbacks by the UTC clock.
     *
     * @param accountSid {@code AC} followed by 32 hex digits; callbacks for another account are refused
     * @param authToken the account's auth token, used to check signatures (never logged)
     * @param sink where accepted updates go; not null
     * @return the handler
     * @throws IllegalArgumentException on a malformed account sid or a blank auth token
     */
    public static TwilioStatusCallbacks create(String accountSid, String authToken, CallStatusSink sink) {
        return new TwilioStatusCallbacks(accountSid, authToken, sink, Clock.systemUTC());
    }

    /**
     * As {@link #create(String, String, CallStatusSink)}; {@code clock} times a callback that has no {@code Timestamp}.
     *
     * @param accountSid {@code AC} followed by 32 hex digits
     * @param authToken the account's auth token, used to check signatures (never logged)
     * @param sink where accepted updates go; not null
     * @param clock times a callback without {@code Timestamp}; not null
     * @return the handler
     * @throws IllegalArgumentException on a malformed account sid or a blank auth token
     */
    public static TwilioStatusCallbacks create(String accountSid, String authToken, CallStatusSink sink, Clock clock) {
        return new TwilioStatusCallbacks(accountSid, authToken, sink, clock);
    }

    /**
     * What became of one callback.
     *
     * @param httpStatus what the host should answer: 200 accepted, 403 bad or missing signature or
     *     another account, 413 body too large, 400 unusable, 500 the sink failed (Twilio retries)
     * @param reason why it was refused; null when accepted
     * @param update the update handed to the sink; null when refused
     * @param applied the sink's answer: false for a duplicate, stale or unknown attempt
     * @param sequenceNumber Twilio's {@code SequenceNumber} (orders one call's callbacks); -1 if absent
     */
    public record Result(int httpStatus, String reason, CallStatusUpdate update, boolean applied, long sequenceNumber) {
        /**
         * Whether the callback was accepted (200).
         *
         * @return true when {@code httpStatus} is 200
         */
        public boolean accepted() {
            return httpStatus == 200;
        }

        static Result forbidden(String reason) {
            return new Result(403, reason, null, false, -1);
        }

        static Result badRequest(String reason) {
            return new Result(400, reason, null, false, -1);
        }

        static Result tooLarge(String reason) {
            return new Result(413, reason, null, false, -1);
        }
    }

    /**
     * Validates and applies one status callback.
     *
     * @return the result: HTTP status to answer Twilio with, reason, and the update applied
     * @param fullUrl the URL Twilio requested, with its query string, as Twilio saw it
     * @param formParameters the decoded POST body parameters (not the query parameters)
     * @param xTwilioSignature the {@code X-Twilio-Signature} header; null if absent
     */
    public Result handle(String fullUrl, Map<String, List<String>> formParameters, String xTwilioSignature) {
        try {
            Result refused = checkHeader(fullUrl, xTwilioSignature);
            if (refused != null) {
                return refused;
            }
            Map<String, List<String>> params = formParameters == null ? Map.of() : formParameters;
            long count = 0;
            long size = 0;
            for (Map.Entry<String, List<String>> e : params.entrySet()) {
                for (String value : e.getValue()) {
                    count++;
                    size += String.valueOf(e.getKey()).length() + String.valueOf(value).length() + 2;
                }
            }
            if (count > MAX_PARAMETERS) {
                return Result.tooLarge("the callback has " + count + " parameters, more than " + MAX_PARAMETERS);
            }
            if (size > MAX_BODY_BYTES) {
                return Result.tooLarge("the callback's parameters hold more than " + MAX_BODY_BYTES + " characters");
            }
            return checked(fullUrl, params, xTwilioSignature.trim());
        } catch (RuntimeException e) {
            return new Result(500, "the callback could not be handled: " + e.getClass().getSimpleName(), null, false,
                    -1);
        }
    }

    /**
     * As {@link #handle(String, Map, String)}, for a host that has the raw
     * {@code application/x-www-form-urlencoded} request body rather than decoded parameters. A
     * body longer than {@value #MAX_BODY_BYTES} characters is refused (413) without being decoded.
     *
     * @param fullUrl the URL Twilio requested, with its query string, as Twilio saw it
     * @param formBody the raw request body; null is treated as empty
     * @param xTwilioSignature the {@code X-Twilio-Signature} header; null if absent
     * @return the result: HTTP status to answer Twilio with, reason, and the update applied
     */
    public Result handle(String fullUrl, String formBody, String xTwilioSignature) {
        try {
            Result refused = checkHeader(fullUrl, xTwilioSignature);
            if (refused != null) {
                return refused;
            }
            String body = formBody == null ? "" : formBody;
            if (body.length() > MAX_BODY_BYTES) {
                return Result.tooLarge("the callback body is " + body.length() + " characters, more than "
                        + MAX_BODY_BYTES);
            }
            Map<String, List<String>> params;
            try {
                params = Forms.decode(body, MAX_PARAMETERS);
            } catch (Forms.MalformedFormException e) {
                return e.getMessage().startsWith("more than") ? Result.tooLarge("the callback body has "
                        + e.getMessage()) : Result.badRequest("the callback body is not a valid form: "
                        + e.getMessage());
            }
            return checked(fullUrl, params, xTwilioSignature.trim());
        } catch (RuntimeException e) {
            return new Result(500, "the callback could not be handled: " + e.getClass().getSimpleName(), null, false,
                    -1);
        }
    }

    /**
     * As {@link #handle(String, String, String)}, reading the body from {@code body}: the
     * signature header is checked before anything is read, and at most
     * {@value #MAX_BODY_BYTES} + 1 bytes are read (a longer body is refused with 413, the rest left
     * unread). The stream is not closed.
     *
     * @param fullUrl the URL Twilio requested, with its query string, as Twilio saw it
     * @param body the request body; read at most {@value #MAX_BODY_BYTES} + 1 bytes, not closed
     * @param xTwilioSignature the {@code X-Twilio-Signature} header; null if absent
     * @return the result: HTTP status to answer Twilio with, reason, and the update applied
     */
    public Result handle(String fullUrl, InputStream body, String xTwilioSignature) {
        Result refused = checkHeader(fullUrl, xTwilioSignature);
        if (refused != null) {
            return refused;
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return Result.badRequest("the callback body could not be read: " + e.getClass().getSimpleName());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return Result.tooLarge("the callback body is more than " + MAX_BODY_BYTES + " bytes");
        }
        return handle(fullUrl, new String(bytes, StandardCharsets.UTF_8), xTwilioSignature);
    }

    /** The checks that need nothing of the body: a URL and a well-formed signature header. */
    private static Result checkHeader(String fullUrl, String xTwilioSignature) {
        if (fullUrl == null || fullUrl.isBlank()) {
            return Result.badRequest("the request URL is missing");
        }
        if (xTwilioSignature == null || xTwilioSignature.isBlank()) {
            return Result.forbidden("X-Twilio-Signature header is missing");
        }
        if (!SIGNATURE.matcher(xTwilioSignature.trim()).matches()) {
            return Result.forbidden("X-Twilio-Signature is not a signature (Base64 of 20 bytes)");
        }
        return null;
    }

    private Result checked(String fullUrl, Map<String, List<String>> params, String signature) {
        boolean valid = false;
        for (String url : Urls.signatureCandidates(fullUrl)) {
            valid |= signatures.matches(url, params, signature);
        }
        if (!valid) {
            return Result.forbidden("X-Twilio-Signature does not match the URL and parameters (wrong URL, auth token,"
                    + " or altered parameters)");
        }
        String account = first(params, "AccountSid");
        if (!accountSid.equals(account)) {
            return Result.forbidden(account == null ? "AccountSid is missing" : "AccountSid '" + account
                    + "' is not the configured account");
        }
        try {
            return accept(fullUrl, params);
        } catch (RuntimeException e) {
            // Includes a sink failure: Twilio retries a non-2xx answer for a short while.
            return new Result(500, "the callback could not be applied: " + Masking.numbers(e.toString()), null, false,
                    -1);
        }
    }

    private Result accept(String fullUrl, Map<String, List<String>> params) {
        AttemptId attempt;
        AccountId attemptAccount = null;
        try {
            Map<String, List<String>> query = Forms.decode(new URI(fullUrl).getRawQuery(), MAX_PARAMETERS);
            List<String> values = query.get("attempt");
            if (values == null || values.isEmpty()) {
                return Result.badRequest("the callback URL has no 'attempt' parameter: " + Urls.redacted(fullUrl));
            }
            List<String> accounts = query.get("account");
            if (accounts != null && !accounts.isEmpty()) {
                try {
                    attemptAccount = AccountId.of(accounts.get(0));
                } catch (IllegalArgumentException e) {
                    return Result.badRequest("the callback URL's 'account' parameter is not an account id: "
                            + e.getMessage());
                }
            }
            attempt = AttemptId.of(Long.parseLong(values.get(0)));
        } catch (URISyntaxException e) {
            return Result.badRequest("the callback URL is not a valid URI");
        } catch (Forms.MalformedFormException e) {
            return Result.badRequest("the callback URL's query is not valid: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Result.badRequest("the callback URL's 'attempt' parameter is not a positive number: "
                    + Urls.redacted(fullUrl));
        }
        String callStatus = first(params, "CallStatus");
        String answeredByValue = first(params, "AnsweredBy");
        AnsweredBy answeredBy = AnsweredByValues.toAnsweredBy(answeredByValue).orElse(null);
        if (answeredByValue != null && answeredBy == null) {
            return Result.badRequest("AnsweredBy '" + answeredByValue + "' is unknown; expected one of "
                    + AnsweredByValues.known());
        }
        // An answering-machine detection callback has no CallStatus: someone or something answered.
        RecipientStatus status = callStatus == null && answeredBy != null ? RecipientStatus.IN_PROGRESS
                : CallStatuses.toRecipientStatus(callStatus).orElse(null);
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
                reason(params), answeredBy, attemptAccount);
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
                out.append(": ").append(Masking.numbers(message));
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
