package io.batchcall.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchcall.model.MachinePolicy;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import io.batchcall.spi.TelephonyException;
import io.batchcall.spi.TelephonyException.Kind;
import io.batchcall.twilio.internal.CallFinder;
import io.batchcall.twilio.internal.CallResources;
import io.batchcall.twilio.internal.Forms;
import io.batchcall.twilio.internal.TwilioErrors;
import io.batchcall.twilio.internal.TwilioRest;
import io.batchcall.twilio.internal.TwilioRest.Answer;
import io.batchcall.twilio.internal.Urls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link Telephony} on Twilio's Programmable Voice Calls API (2010-04-01), with the JDK's
 * {@link java.net.http.HttpClient}. Create it with {@link #builder}.
 *
 * <p>Each request is sent once: the adapter never retries, because Twilio has no idempotency key
 * for call creation and a re-sent {@code POST /Calls} can dial a person twice. Failures are
 * {@link TelephonyException}s classified as Twilio answers them (see the module README's table):
 * 429/20429 retryable (with {@code Retry-After}), callee errors permanent, credential, account and
 * caller-id errors fatal, 5xx, timeouts and unreadable answers ambiguous.
 *
 * <p>Every placed call carries {@code attempt=<attemptId>} and {@code account=<account>} in its
 * status-callback URL (handled by
 * {@link TwilioStatusCallbacks}) and {@code attempt} and {@code batch} in its answer URL.
 *
 * <p>Phone numbers appear in its messages and logs only masked ({@code +*******2671}, see
 * {@code PhoneNumber.masked()}), Twilio's own error texts included; URLs without user-info.
 * Each request, body included, must complete within the request timeout, and an answer may be
 * at most 1 MB.
 *
 * <p>Thread-safe: the instance holds only immutable settings and a thread-safe HTTP client.
 */
public final class TwilioTelephony implements Telephony {
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    /** Twilio accepts ring timeouts of 5 to 600 seconds. */
    static final long MIN_TIMEOUT_SECONDS = 5;
    static final long MAX_TIMEOUT_SECONDS = 600;
    /** The ring timeout when a request has none (DESIGN: default 30 s). */
    static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
    /** Twilio's "call is not in-progress" answer to updating a call that has ended. */
    private static final int CALL_NOT_IN_PROGRESS = 21220;

    private final TwilioTelephonyBuilder settings;
    private final ObjectMapper json = new ObjectMapper();
    private final TwilioErrors errors;
    private final TwilioRest rest;
    private final CallFinder finder;

    TwilioTelephony(TwilioTelephonyBuilder settings) {
        this.settings = settings;
        this.errors = new TwilioErrors(json, settings.clock());
        this.rest = new TwilioRest(settings.httpClient(), settings.apiBase(), settings.accountSid(),
                settings.authToken(), settings.requestTimeout(), errors);
        this.finder = new CallFinder(rest, errors, json);
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the defaults of {@link TwilioTelephonyBuilder}
     * @param accountSid {@code AC} followed by 32 hex digits
     * @param authToken the account's auth token (never logged or put in messages)
     * @param statusCallbackUrl the public URL where the host mounts {@link TwilioStatusCallbacks}
     * @param answerUrl the public URL that returns the TwiML to run when the callee answers
     * @throws IllegalArgumentException naming the argument and the bad value
     */
    public static TwilioTelephonyBuilder builder(String accountSid, String authToken, URI statusCallbackUrl,
            URI answerUrl) {
        return new TwilioTelephonyBuilder(accountSid, authToken, statusCallbackUrl, answerUrl);
    }

    @Override
    public PlacedCall place(CallRequest request) {
        String operation = "placing call for attempt " + request.attemptId() + " to " + request.to().masked();
        Forms form = new Forms().add("To", request.to().e164()).add("From", request.from().e164())
                .add("Url", answerUrl(request).toString())
                .add("StatusCallback", callbackQuery(request).appendTo(settings.statusCallbackUrl()).toString())
                .add("StatusCallbackMethod", "POST");
        for (String event : new String[] {"initiated", "ringing", "answered", "completed"}) {
            form.add("StatusCallbackEvent", event);
        }
        form.add("Timeout", Long.toString(timeoutSeconds(request)));
        if (request.machinePolicy() != null) {
            // Asynchronous detection: the answer URL runs at once; the result comes to the status URL.
            form.add("MachineDetection", request.machinePolicy() == MachinePolicy.LEAVE_MESSAGE ? "DetectMessageEnd"
                    : "Enable");
            form.add("AsyncAmd", "true");
            form.add("AsyncAmdStatusCallback", callbackQuery(request).appendTo(settings.statusCallbackUrl()).toString());
            form.add("AsyncAmdStatusCallbackMethod", "POST");
        }
        Answer answer = rest.post(operation, "Calls.json", form);
        if (!answer.ok()) {
            throw errors.classify(operation, answer.status(), answer.body(), answer.retryAfter());
        }
        try {
            JsonNode sid = json.readTree(answer.body()).get("sid");
            if (sid == null || !sid.isTextual() || sid.asText().isBlank()) {
                throw errors.unreadable(operation, answer.status(), answer.body(), null);
            }
            return new PlacedCall(sid.asText());
        } catch (IOException e) {
            throw errors.unreadable(operation, answer.status(), answer.body(), e);
        }
    }

    /**
     * {@code attempt} and {@code account}: the account lets the store find the attempt on the
     * account's shard when the database is sharded by account; Twilio signs the whole URL, so
     * neither can be altered.
     */
    private static Forms callbackQuery(CallRequest request) {
        Forms query = new Forms().add("attempt", request.attemptId().toString());
        if (request.account() != null) {
            query.add("account", request.account().value());
        }
        return query;
    }

    private URI answerUrl(CallRequest request) {
        Forms query = new Forms().add("attempt", request.attemptId().toString());
        if (request.batchId() != null) {
            query.add("batch", request.batchId().toString());
        }
        if (request.machinePolicy() != null) {
            query.add("machine_policy", request.machinePolicy().wireName());
        }
        return query.appendTo(settings.answerUrl());
    }

    /**
     * Redirects the live call to the answer URL with {@code answered_by=machine} (and
     * {@code attempt}, {@code batch}, {@code machine_policy}), so the host's answer endpoint returns
     * the TwiML that leaves the message: Twilio fetches it after the greeting ended
     * ({@code DetectMessageEnd}). A call Twilio does not know (404) or that has ended (21220) is fine.
     */
    @Override
    public void machineAnswered(String providerCallId, MachineAnswer call) {
        String sid = checkedSid(providerCallId);
        String operation = "redirecting call " + sid + " of attempt " + call.attemptId() + " to leave a message";
        Forms query = new Forms().add("attempt", call.attemptId().toString());
        if (call.batchId() != null) {
            query.add("batch", call.batchId().toString());
        }
        query.add("machine_policy", call.policy().wireName()).add("answered_by", "machine");
        Answer answer = rest.post(operation, "Calls/" + sid + ".json", new Forms()
                .add("Url", query.appendTo(settings.answerUrl()).toString()).add("Method", "POST"));
        if (answer.ok() || answer.status() == 404) {
            return;
        }
        TwilioErrors.TwilioError error = errors.parse(answer.body());
        if (error != null && error.code() != null && error.code() == CALL_NOT_IN_PROGRESS) {
            return;
        }
        throw errors.classify(operation, answer.status(), answer.body(), answer.retryAfter());
    }

    private static long timeoutSeconds(CallRequest request) {
        Duration ring = request.ringTimeout() == null ? DEFAULT_RING_TIMEOUT : request.ringTimeout();
        long seconds = ring.getSeconds() + (ring.getNano() > 0 ? 1 : 0);
        if (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS) {
            // The same for every call of the batch: no call of it can be placed as asked.
            throw new TelephonyException(Kind.FATAL, "ringTimeout of attempt " + request.attemptId()
                    + " must be between " + MIN_TIMEOUT_SECONDS + " and " + MAX_TIMEOUT_SECONDS
                    + " s for Twilio, but was " + ring.toMillis() + " ms");
        }
        return seconds;
    }

    /**
     * With a provider call id, fetches {@code Calls/{sid}.json} (404 means no such call). Without
     * one (a crash between dialing and recording the id), searches the account's calls to the
     * attempt's number from its caller id, created at or after {@code claimedAt}, and adopts the
     * earliest: no call for the attempt can predate its claim, and later calls to the same number
     * belong to later claims. See {@link CallFinder} for the queries and their limits.
     */
    /** The request timeout (it covers reading the answer) plus 10 s for a request still in flight. */
    @Override
    public Duration maxPlacementTime() {
        return settings.requestTimeout().plusSeconds(10);
    }

    @Override
    public Optional<CallInfo> lookup(LookupRequest attempt) {
        if (attempt.providerCallId() == null) {
            return finder.find(attempt);
        }
        String sid = checkedSid(attempt.providerCallId());
        String operation = "looking up call " + sid + " of attempt " + attempt.attemptId();
        Answer answer = rest.get(operation, "Calls/" + sid + ".json", null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.classify(operation, answer.status(), answer.body(), answer.retryAfter());
        }
        try {
            return Optional.of(CallResources.toCallInfo(json.readTree(answer.body())));
        } catch (IOException | IllegalArgumentException e) {
            throw errors.unreadable(operation, answer.status(), answer.body(), e);
        }
    }

    /** POSTs {@code Status=completed}; a call Twilio does not know (404) or that has ended (21220) is fine. */
    @Override
    public void hangUp(String providerCallId) {
        String sid = checkedSid(providerCallId);
        String operation = "hanging up call " + sid;
        Answer answer = rest.post(operation, "Calls/" + sid + ".json", new Forms().add("Status", "completed"));
        if (answer.ok() || answer.status() == 404) {
            return;
        }
        TwilioErrors.TwilioError error = errors.parse(answer.body());
        if (error != null && error.code() != null && error.code() == CALL_NOT_IN_PROGRESS) {
            return;
        }
        throw errors.classify(operation, answer.status(), answer.body(), answer.retryAfter());
    }

    private static String checkedSid(String sid) {
        if (sid == null || !CALL_SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("providerCallId must be a Twilio call sid (letters and digits), but was '"
                    + sid + "'");
        }
        return sid;
    }

    @Override
    public String toString() {
        return "TwilioTelephony[account=" + settings.accountSid() + ", apiBase=" + Urls.redacted(settings.apiBase()) + "]";
    }
}
