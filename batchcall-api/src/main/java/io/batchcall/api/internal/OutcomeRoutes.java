package io.batchcall.api.internal;

import io.batchcall.AccountCalls;
import io.batchcall.api.ApiResponse;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What came of the calls: a disposition reported for an attempt (once; the same report again is a
 * success, a different one a 409 naming both codes), the counts per code of a batch, and a call
 * back of a recipient at an instant. Every lookup goes through the account's view of the core, so
 * another account's attempt or batch answers like an unknown one.
 */
final class OutcomeRoutes {
    private final ApiContext ctx;

    OutcomeRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", "/attempts/{attempt_id}/disposition", Media.JSON, this::disposition);
        r.add("GET", "/batches/{id}/dispositions", Media.JSON, c -> {
            BatchId id = c.batchId();
            ctx.scoped().require(c.account(), id);
            return Responses.json(200, new Dto.DispositionCounts(id.value(),
                    ctx.calls().forAccount(c.account()).dispositionCounts(id)));
        });
        r.add("POST", "/batches/{id}/recipients/{recipient_id}/callback", Media.JSON, this::callback);
    }

    private ApiResponse disposition(Call c) {
        AttemptId id = AttemptId.of(Call.positive("attempt_id", c.vars.get("attempt_id")));
        Dto.DispositionRequest body = c.json(Dto.DispositionRequest.class);
        if (body.code() == null) {
            throw ApiProblem.invalid("code", "one of the batch's disposition codes", null);
        }
        AccountCalls calls = ctx.calls().forAccount(c.account());
        CallAttempt a;
        try {
            a = calls.disposition(id, body.code(), body.data());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            String field = m.startsWith("disposition data") ? "data" : "code";
            throw ApiProblem.badRequest("validation", m, field, field.equals("code") ? body.code() : null);
        }
        return Responses.json(200, Views.attempt(a));
    }

    private ApiResponse callback(Call c) {
        BatchId id = c.batchId();
        RecipientId rid = c.recipientId();
        ctx.scoped().require(c.account(), id);
        Dto.CallbackRequest body = c.json(Dto.CallbackRequest.class);
        if (body.at() == null) {
            throw ApiProblem.invalid("at", "an ISO-8601 instant such as 2026-12-07T16:00:00Z", null);
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(body.at().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("at", "an ISO-8601 instant with Z or an offset, such as 2026-12-07T16:00:00Z",
                    body.at());
        }
        boolean queued;
        try {
            queued = ctx.calls().forAccount(c.account()).scheduleCallback(id, rid, at);
        } catch (io.batchcall.NotFoundException e) {
            throw ApiProblem.notFound("recipient " + rid + " of batch " + id + " does not exist");
        }
        if (!queued) {
            throw new ApiProblem(409, "concurrent-update", "Changed concurrently; retry", "recipient " + rid
                    + " of batch " + id + " changed while the call back was being queued; ask again", null, null, null,
                    null);
        }
        return Responses.json(200, new Dto.CallbackView(id.value(), rid.value(), at.toString()));
    }
}
