package io.batchcall.twilio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.LookupRequest;
import io.batchcall.twilio.internal.TwilioRest.Answer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the call of an attempt whose call sid was never recorded. Twilio's Call resource does not
 * echo the callback URL, so the attempt id cannot be matched; the heuristic is: among calls
 * {@code To} the attempt's number ({@code From} its caller id when known) that are not already
 * recorded on another attempt ({@link LookupRequest#knownCallIds}), take the earliest that started
 * — or, still queued, was created — no earlier than {@link #MARGIN} before the claim. The margin
 * makes the search independent of the clocks: Twilio reports whole seconds by its own clock, which
 * may be minutes off the engine's, and a claim always precedes its call. Two queries:
 * {@code StartTime>=} the UTC date of the claim minus the margin, and {@code Status=queued} (a queued
 * call has no start time yet). Only the first page of 50 of each is read. A call to the same
 * number from the same caller id placed by something other than batchcall would be mistaken for
 * it; an adopted call is billed and followed, so the error is never a second dial.
 */
public final class CallFinder {
    static final int PAGE_SIZE = 50;
    /** How far before the claim (by the engine's clock) a carrier may date the claim's call. */
    public static final Duration MARGIN = Duration.ofMinutes(10);
    private final TwilioRest rest;
    private final TwilioErrors errors;
    private final ObjectMapper json;

    public CallFinder(TwilioRest rest, TwilioErrors errors, ObjectMapper json) {
        this.rest = rest;
        this.errors = errors;
        this.json = json;
    }

    public Optional<CallInfo> find(LookupRequest attempt) {
        if (attempt.to() == null) {
            throw new IllegalArgumentException("lookup of attempt " + attempt.attemptId()
                    + " without a provider call id needs the number called, but 'to' was null");
        }
        Instant claimed = attempt.claimedAt() == null ? Instant.EPOCH : attempt.claimedAt();
        Instant notBefore = claimed.minus(MARGIN).truncatedTo(ChronoUnit.SECONDS);
        List<JsonNode> calls = new ArrayList<>();
        calls.addAll(list(attempt, query(attempt).add("StartTime>=",
                notBefore.atOffset(ZoneOffset.UTC).toLocalDate().toString())));
        calls.addAll(list(attempt, query(attempt).add("Status", "queued")));
        JsonNode best = null;
        Instant bestAt = null;
        for (JsonNode call : calls) {
            Instant at = CallResources.startedOrCreated(call);
            JsonNode sid = call.get("sid");
            if (sid != null && attempt.knownCallIds().contains(sid.asText())) {
                continue; // another attempt's call
            }
            if (at != null && !at.isBefore(notBefore) && (bestAt == null || at.isBefore(bestAt))) {
                best = call;
                bestAt = at;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CallResources.toCallInfo(best));
        } catch (IllegalArgumentException e) {
            throw errors.unreadable("searching the call of attempt " + attempt.attemptId(), 200, best.toString(), e);
        }
    }

    private static Forms query(LookupRequest attempt) {
        Forms q = new Forms().add("To", attempt.to().e164());
        if (attempt.from() != null) {
            q.add("From", attempt.from().e164());
        }
        return q.add("PageSize", Integer.toString(PAGE_SIZE));
    }

    private List<JsonNode> list(LookupRequest attempt, Forms query) {
        String operation = "searching the call of attempt " + attempt.attemptId() + " to " + attempt.to().masked();
        Answer answer = rest.get(operation, "Calls.json", query);
        if (!answer.ok()) {
            throw errors.classify(operation, answer.status(), answer.body(), answer.retryAfter());
        }
        try {
            JsonNode calls = json.readTree(answer.body()).get("calls");
            if (calls == null || !calls.isArray()) {
                throw errors.unreadable(operation, answer.status(), answer.body(), null);
            }
            List<JsonNode> out = new ArrayList<>();
            calls.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw errors.unreadable(operation, answer.status(), answer.body(), e);
        }
    }
}
