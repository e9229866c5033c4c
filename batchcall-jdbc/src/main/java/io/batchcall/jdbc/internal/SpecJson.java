package io.batchcall.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BatchSpec} as a JSON document with a format number ({@code "v": 1}). Instants and
 * durations are ISO-8601 strings. The queryable parts
 * (account, status, series) are also kept as real columns of the batches table.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int RECENT_MAX = 512;
    private static final Map<String, BatchSpec> RECENT = new ConcurrentHashMap<>();

    private SpecJson() {
    }

    public static String write(BatchSpec s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("v", 2);
        n.put("name", s.name());
        n.put("account", s.account().value());
        n.put("from", s.fromNumber().e164());
        putText(n, "agentId", s.agentId());
        putText(n, "startAt", s.startAt());
        n.set("window", ScheduleJson.window(s.window()));
        n.put("recipientLocalTime", s.recipientLocalTime());
        if (s.batchLimit() != null) {
            n.put("batchLimit", s.batchLimit());
        }
        if (s.recurrence() != null) {
            n.set("recurrence", ScheduleJson.recurrence(s.recurrence()));
        }
        ObjectNode r = n.putObject("retry");
        s.retry().retryOn().stream().sorted().forEach(o -> r.withArray("on").add(o.wireName()));
        r.put("maxAttempts", s.retry().maxAttempts());
        r.put("delay", s.retry().delay().toString());
        putText(n, "deadline", s.deadline());
        n.put("ringTimeout", s.ringTimeout().toString());
        OutcomeJson.write(n, s);
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write batch spec as JSON", e);
        }
    }

    /**
     * Parses a stored spec. Specs are immutable values and the engine reads the same few running
     * batches many times a second, so recent documents are remembered by their exact text.
     */
    public static BatchSpec read(String json) {
        BatchSpec cached = RECENT.get(json);
        if (cached != null) {
            return cached;
        }
        BatchSpec spec = parse(json);
        if (RECENT.size() >= RECENT_MAX) {
            RECENT.clear();
        }
        RECENT.put(json, spec);
        return spec;
    }

    private static BatchSpec parse(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored batch spec is not valid JSON: " + e.getOriginalMessage(), e);
        }
        int format = n.path("v").asInt();
        if (format != 1 && format != 2) {
            throw new IllegalStateException("stored batch spec has format " + n.path("v") + ", this library reads 1 and 2");
        }
        JsonNode r = n.get("retry");
        Set<RecipientStatus> retryOn = EnumSet.noneOf(RecipientStatus.class);
        r.path("on").forEach(o -> retryOn.add(RecipientStatus.fromWireName(o.asText())));
        return OutcomeJson.read(n, BatchSpec.builder(n.get("name").asText(), AccountId.of(n.get("account").asText()),
                        new PhoneNumber(n.get("from").asText()), ScheduleJson.window(n.get("window")))
                .agentId(text(n, "agentId"))
                .startAt(instant(n, "startAt"))
                .recipientLocalTime(n.path("recipientLocalTime").asBoolean())
                .batchLimit(format == 1 ? batchLimitOfV1(n.get("concurrency")) : integer(n, "batchLimit"))
                .recurrence(n.hasNonNull("recurrence") ? ScheduleJson.recurrence(n.get("recurrence")) : null)
                .retry(OutcomeJson.retry(r, RetryPolicy.on(retryOn, r.get("maxAttempts").asInt(),
                        Duration.parse(r.get("delay").asText()))))
                .deadline(instant(n, "deadline"))
                .ringTimeout(Duration.parse(n.get("ringTimeout").asText())))
                .build();
    }

    /**
     * Format 1 (0.1) kept the account's cap and reserved slots in every batch; they now come from the
     * engine's AccountLimitsProvider. The batch keeps its own limit only where it was below what the
     * account's slots allowed.
     */
    private static Integer batchLimitOfV1(JsonNode c) {
        int ceiling = c.get("accountCap").asInt() - c.get("reserved").asInt();
        int limit = c.get("batchLimit").asInt();
        return limit < ceiling ? limit : null;
    }

    private static Integer integer(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asInt() : null;
    }

    private static void putText(ObjectNode n, String field, Object value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
    }
}
