package io.batchcall.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchcall.api.ApiResponse;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The product's action-style endpoint: {@code POST /actions} with {@code {"action": "create" | "list" |
 * "list_runs" | "get" | "update" | "start" | "cancel" | "pause" | "resume" | "rerun" |
 * "pause_series" | "resume_series" | "cancel_series", ...}}; the other fields are those of the REST
 * resources ({@code batch_id}, paging, the batch fields for create and update).
 */
final class ActionRoutes {
    private static final Set<String> PAGING = Set.of("status", "limit", "cursor");
    private static final Map<String, Set<String>> CONTROL = Map.ofEntries(
            Map.entry("create", Set.of()), Map.entry("list", PAGING), Map.entry("list_runs", Set.of("batch_id", "limit")),
            Map.entry("get", Set.of("batch_id")), Map.entry("update", Set.of("batch_id")),
            Map.entry("start", Set.of("batch_id")), Map.entry("cancel", Set.of("batch_id")),
            Map.entry("pause", Set.of("batch_id")), Map.entry("resume", Set.of("batch_id")),
            Map.entry("rerun", Set.of("batch_id", "scope")), Map.entry("pause_series", Set.of("batch_id")),
            Map.entry("resume_series", Set.of("batch_id")), Map.entry("cancel_series", Set.of("batch_id")));

    private final ApiContext ctx;
    private final BatchRoutes batches;

    ActionRoutes(ApiContext ctx, BatchRoutes batches) {
        this.ctx = ctx;
        this.batches = batches;
    }

    void register(Router r) {
        r.add("POST", "/actions", Media.JSON, c -> handle(c.account(), c.json(ObjectNode.class)));
    }

    private ApiResponse handle(AccountId account, ObjectNode body) {
        JsonNode a = body.remove("action");
        if (a == null || !a.isTextual() || !CONTROL.containsKey(a.asText())) {
            throw ApiProblem.invalid("action", "one of " + String.join(", ", List.of("create", "list", "list_runs",
                    "get", "update", "start", "cancel", "pause", "resume", "rerun", "pause_series", "resume_series",
                    "cancel_series")), a == null ? null : a.isTextual() ? a.asText() : a.toString());
        }
        String action = a.asText();
        boolean takesBatch = action.equals("create") || action.equals("update");
        if (!takesBatch) {
            for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!CONTROL.get(action).contains(f)) {
                    throw ApiProblem.badRequest("unknown-field", "unknown field '" + f + "' for action " + action
                            + "; known fields: " + CONTROL.get(action), f, null);
                }
            }
        }
        switch (action) {
            case "create":
                return Responses.json(201, batches.create(account, Json.convert(body, BatchRequest.class)));
            case "list":
                return Responses.json(200, batches.history(account, text(body, "status"), cursor(body),
                        limit(body)));
            case "update": {
                BatchId id = batchId(body);
                body.remove("batch_id");
                ctx.scoped().require(account, id);
                return Responses.json(200, batches.update(account, id, Json.convert(body, BatchRequest.class)));
            }
            default:
                return byBatch(account, action, body);
        }
    }

    private ApiResponse byBatch(AccountId account, String action, ObjectNode body) {
        BatchId id = batchId(body);
        switch (action) {
            case "get":
                return Responses.json(200, batches.get(account, id));
            case "list_runs":
                ctx.scoped().require(account, id);
                return Responses.json(200, batches.runs(id, limit(body)));
            case "rerun":
                return batches.act(account, id, (acc, b) -> ctx.calls().rerun(b, BatchRoutes.scope(text(body,
                        "scope"))));
            default:
                return batches.act(account, id, (acc, b) -> switch (action) {
                    case "start" -> ctx.calls().send(b);
                    case "cancel" -> ctx.calls().cancel(b);
                    case "pause" -> ctx.calls().pause(b);
                    case "resume" -> ctx.calls().resume(b);
                    case "pause_series" -> ctx.calls().pauseSeries(b);
                    case "resume_series" -> ctx.calls().resumeSeries(b);
                    default -> ctx.calls().cancelSeries(b);
                });
        }
    }

    private static BatchId batchId(ObjectNode body) {
        JsonNode n = body.get("batch_id");
        if (n == null || !(n.canConvertToExactIntegral() || n.isTextual())) {
            throw ApiProblem.invalid("batch_id", "a positive integer id", n == null ? null : n.toString());
        }
        return BatchId.of(Call.positive("batch_id", n.asText()));
    }

    private static String text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiProblem.invalid(field, "a string", n.toString());
        }
        return n.asText();
    }

    private static Long cursor(ObjectNode body) {
        JsonNode n = body.get("cursor");
        return n == null || n.isNull() ? null : Call.positive("cursor", n.asText());
    }

    private static int limit(ObjectNode body) {
        JsonNode n = body.get("limit");
        if (n == null || n.isNull()) {
            return 50;
        }
        if (!n.canConvertToExactIntegral() || n.asLong() < 1 || n.asLong() > 1000) {
            throw ApiProblem.invalid("limit", "an integer between 1 and 1000", n.toString());
        }
        return n.asInt();
    }
}
