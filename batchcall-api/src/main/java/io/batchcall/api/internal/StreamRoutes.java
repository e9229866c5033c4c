package io.batchcall.api.internal;

import io.batchcall.api.ApiResponse;
import io.batchcall.model.BatchId;

/**
 * Server-Sent Events: {@code GET /events} (the account, or one batch with {@code batch_id}) and
 * {@code GET /batches/{id}/events}. The stream starts after {@code Last-Event-ID} (header), else
 * after the {@code after} parameter, else at the newest event.
 */
final class StreamRoutes {
    private final ApiContext ctx;

    StreamRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/events", Media.SSE, c -> {
            String b = c.request.param("batch_id");
            BatchId batch = b == null ? null : BatchId.of(Call.positive("batch_id", b));
            return open(c, batch);
        });
        r.add("GET", "/batches/{id}/events", Media.SSE, c -> open(c, c.batchId()));
    }

    private ApiResponse open(Call c, BatchId batch) {
        if (batch != null) {
            ctx.scoped().require(c.account(), batch);
        }
        long cursor = cursor(c);
        return Responses.events(ctx.stream().open(c.account(), batch, cursor));
    }

    private long cursor(Call c) {
        String last = c.request.header("Last-Event-ID");
        String field = "Last-Event-ID";
        if (last == null || last.isBlank()) {
            last = c.request.param("after");
            field = "after";
        }
        if (last == null || last.isBlank()) {
            return ctx.events().latest(c.account());
        }
        try {
            long v = Long.parseLong(last.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiProblem.invalid(field, "a non-negative event id", last);
    }
}
