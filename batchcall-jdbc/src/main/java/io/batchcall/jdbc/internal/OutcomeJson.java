package io.batchcall.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional call-outcome fields of a stored {@link BatchSpec} ({@code machinePolicy},
 * {@code dispositions}, {@code retry.byOutcome}, {@code retry.byDisposition}): written only when
 * set, and absent means the default, so documents without them read as before.
 */
final class OutcomeJson {
    private OutcomeJson() {
    }

    static void write(ObjectNode n, BatchSpec s) {
        if (s.machinePolicy() != null) {
            n.put("machinePolicy", s.machinePolicy().wireName());
        }
        if (!s.dispositions().isEmpty()) {
            for (DispositionCode c : s.dispositions()) {
                ObjectNode d = n.withArray("dispositions").addObject();
                d.put("code", c.code());
                if (c.label() != null) {
                    d.put("label", c.label());
                }
                if (c.optOut()) {
                    d.put("optOut", true);
                }
            }
        }
        ObjectNode r = (ObjectNode) n.get("retry");
        rules(r, "byOutcome", s.retry().byOutcome());
        rules(r, "byDisposition", s.retry().byDisposition());
    }

    private static void rules(ObjectNode r, String field, Map<String, OutcomeRetry> rules) {
        if (rules.isEmpty()) {
            return;
        }
        ObjectNode m = r.putObject(field);
        for (Map.Entry<String, OutcomeRetry> e : new TreeMap<>(rules).entrySet()) {
            ObjectNode o = m.putObject(e.getKey());
            o.put("delay", e.getValue().delay().toString());
            o.put("backoff", e.getValue().backoff());
            o.put("maxAttempts", e.getValue().maxAttempts());
            o.put("nextWindowAfter", e.getValue().nextWindowAfter().toString());
        }
    }

    static BatchSpec.Builder read(JsonNode n, BatchSpec.Builder b) {
        if (n.hasNonNull("machinePolicy")) {
            b.machinePolicy(MachinePolicy.fromWireName(n.get("machinePolicy").asText()));
        }
        List<DispositionCode> codes = new ArrayList<>();
        n.path("dispositions").forEach(d -> codes.add(new DispositionCode(d.get("code").asText(),
                d.hasNonNull("label") ? d.get("label").asText() : null, d.path("optOut").asBoolean(false))));
        return b.dispositions(codes);
    }

    static RetryPolicy retry(JsonNode r, RetryPolicy base) {
        return new RetryPolicy(base.retryOn(), base.maxAttempts(), base.delay(), rules(r.path("byOutcome")),
                rules(r.path("byDisposition")));
    }

    private static Map<String, OutcomeRetry> rules(JsonNode m) {
        Map<String, OutcomeRetry> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            out.put(e.getKey(), new OutcomeRetry(Duration.parse(o.get("delay").asText()), o.path("backoff").asDouble(1.0),
                    o.get("maxAttempts").asInt(), o.hasNonNull("nextWindowAfter")
                            ? Duration.parse(o.get("nextWindowAfter").asText()) : Duration.ZERO));
        }
        return out;
    }
}
