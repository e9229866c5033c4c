package io.batchcall.api.internal;

import io.batchcall.api.ApiRequest;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import java.util.Locale;
import java.util.Map;

/** One routed request: the request, the path variables and helpers that read them strictly. */
final class Call {
    final ApiRequest request;
    final Map<String, String> vars;
    private final Limits limits;

    Call(ApiRequest request, Map<String, String> vars, Limits limits) {
        this.request = request;
        this.vars = vars;
        this.limits = limits;
    }

    AccountId account() {
        return request.account();
    }

    BatchId batchId() {
        return BatchId.of(positive("id", vars.get("id")));
    }

    RecipientId recipientId() {
        return RecipientId.of(positive("recipient_id", vars.get("recipient_id")));
    }

    /** A positive id from a path or body field; 404 for a path id that cannot exist. */
    static long positive(String field, String text) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiProblem.invalid(field, "a positive integer id", text);
    }

    int intParam(String name, int dflt, int min, int max) {
        String v = request.param(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiProblem.invalid(name, "an integer between " + min + " and " + max, v);
    }

    Long cursorParam(String name) {
        String v = request.param(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return positive(name, v);
    }

    String lowerParam(String name) {
        String v = request.param(name);
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }

    /** The body as JSON of {@code type}: checks Content-Type and size, answers 400/413/415. */
    <T> T json(Class<T> type) {
        String ct = request.header("Content-Type");
        if (ct == null || !Media.isJson(ct)) {
            throw ApiProblem.unsupported(ct, "application/json");
        }
        return Json.read(body(limits.maxJsonBytes()), type);
    }

    LimitedBody body(long limit) {
        return new LimitedBody(request.body(), limit, declaredLength());
    }

    private long declaredLength() {
        String v = request.header("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Limits limits() {
        return limits;
    }
}
