package io.batchcall.api.internal;

import io.batchcall.BatchSummary;
import io.batchcall.HistoryQuery;
import io.batchcall.RerunScope;
import io.batchcall.api.ApiResponse;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewRecipient;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Batches: create, list, get, update, delete, the lifecycle actions and a series' runs. */
final class BatchRoutes {
    private final ApiContext ctx;

    BatchRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/batches", Media.JSON, c -> Responses.json(200, history(c.account(), c.request.param("status"),
                c.cursorParam("cursor"), c.intParam("limit", 50, 1, 1000))));
        r.add("POST", "/batches", Media.JSON, c -> Responses.json(201, create(c.account(), c.json(BatchRequest.class))));
        r.add("GET", "/batches/{id}", Media.JSON, c -> Responses.json(200, get(c.account(), c.batchId())));
        r.add("PUT", "/batches/{id}", Media.JSON, c -> {
            BatchId id = c.batchId();
            ctx.scoped().require(c.account(), id);
            return Responses.json(200, update(c.account(), id, c.json(BatchRequest.class)));
        });
        r.add("DELETE", "/batches/{id}", Media.JSON, c -> {
            ctx.scoped().require(c.account(), c.batchId());
            ctx.calls().deleteDraft(c.batchId());
            return Responses.noContent();
        });
        lifecycle(r, "send", (a, id) -> ctx.calls().send(id));
        lifecycle(r, "cancel", (a, id) -> ctx.calls().cancel(id));
        lifecycle(r, "pause", (a, id) -> ctx.calls().pause(id));
        lifecycle(r, "resume", (a, id) -> ctx.calls().resume(id));
        lifecycle(r, "pause-series", (a, id) -> ctx.calls().pauseSeries(id));
        lifecycle(r, "resume-series", (a, id) -> ctx.calls().resumeSeries(id));
        lifecycle(r, "cancel-series", (a, id) -> ctx.calls().cancelSeries(id));
        r.add("POST", "/batches/{id}/rerun", Media.JSON, c -> {
            BatchId id = c.batchId();
            ctx.scoped().require(c.account(), id);
            RerunScope scope = scope(c.request.param("scope") != null ? c.request.param("scope")
                    : c.request.header("Content-Type") == null ? null : c.json(Dto.RerunRequest.class).scope());
            ctx.calls().rerun(id, scope);
            return Responses.json(200, get(c.account(), id));
        });
        r.add("GET", "/batches/{id}/runs", Media.JSON, c -> {
            BatchId id = c.batchId();
            ctx.scoped().require(c.account(), id);
            return Responses.json(200, runs(id, c.intParam("limit", 50, 1, 1000)));
        });
    }

    private void lifecycle(Router r, String name, BiFunction<AccountId, BatchId, Batch> action) {
        r.add("POST", "/batches/{id}/" + name, Media.JSON, c -> act(c.account(), c.batchId(), action));
    }

    ApiResponse act(AccountId account, BatchId id, BiFunction<AccountId, BatchId, Batch> action) {
        ctx.scoped().require(account, id);
        action.apply(account, id);
        return Responses.json(200, get(account, id));
    }

    Dto.BatchView get(AccountId account, BatchId id) {
        return Views.batch(ctx.scoped().batch(account, id));
    }

    Dto.Page<Dto.BatchView> history(AccountId account, String statuses, Long cursor, int limit) {
        HistoryQuery q = new HistoryQuery(account, statuses(statuses), cursor == null ? null : BatchId.of(cursor), limit);
        List<Dto.BatchView> items = ctx.calls().history(q).stream().map(Views::batch).toList();
        String next = items.size() == limit ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Dto.Page<>(items, next);
    }

    Dto.Page<Dto.BatchView> runs(BatchId parent, int limit) {
        List<BatchSummary> runs = ctx.calls().runs(parent, limit);
        return new Dto.Page<>(runs.stream().map(Views::batch).toList(), null);
    }

    /** Validates everything, then stores; a failure after the draft exists removes it again. */
    Dto.BatchView create(AccountId account, BatchRequest body) {
        BatchSpec spec = ctx.specs().toSpec(body, account, ctx.clock().instant());
        List<NewRecipient> recipients = SpecMapper.recipients(body.recipients());
        boolean send = !Boolean.TRUE.equals(body.draft())
                && (Boolean.TRUE.equals(body.sendNow()) || body.scheduledAt() != null);
        if (send && recipients.isEmpty()) {
            throw ApiProblem.invalid("recipients", "a non-empty list when the batch is sent on creation (send_now or "
                    + "scheduled_at); or create a draft (\"draft\": true) and upload a CSV", "[]");
        }
        if (Boolean.TRUE.equals(body.draft()) && Boolean.TRUE.equals(body.sendNow())) {
            throw ApiProblem.invalid("send_now", "absent or false when draft is true", true);
        }
        if (Boolean.TRUE.equals(body.sendNow()) && body.scheduledAt() != null) {
            throw ApiProblem.invalid("scheduled_at", "absent when send_now is true", body.scheduledAt());
        }
        Batch draft = ctx.calls().createDraft(spec);
        try {
            if (!recipients.isEmpty()) {
                ctx.calls().addRecipients(draft.id(), recipients);
            }
            if (send) {
                ctx.calls().send(draft.id());
            }
        } catch (RuntimeException e) {
            try {
                ctx.calls().deleteDraft(draft.id());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return get(account, draft.id());
    }

    Dto.BatchView update(AccountId account, BatchId id, BatchRequest body) {
        if (body.recipients() != null) {
            throw ApiProblem.invalid("recipients", "absent in an update (upload recipients to "
                    + "/batches/{id}/recipients)", "[...]");
        }
        if (body.sendNow() != null || body.draft() != null) {
            throw ApiProblem.invalid(body.sendNow() != null ? "send_now" : "draft", "absent in an update (use "
                    + "/batches/{id}/send)", body.sendNow() != null ? body.sendNow() : body.draft());
        }
        BatchSpec spec = ctx.specs().toSpec(body, account, ctx.clock().instant());
        ctx.calls().updateDraft(id, spec);
        return get(account, id);
    }

    static Set<BatchStatus> statuses(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        Set<BatchStatus> out = EnumSet.noneOf(BatchStatus.class);
        for (String s : csv.split(",")) {
            try {
                out.add(BatchStatus.fromWireName(s.strip()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("status", "a comma-separated list of draft, scheduled, running, paused, "
                        + "completed, cancelled, failed, recurring", s.strip());
            }
        }
        return out;
    }

    static RerunScope scope(String s) {
        if (s == null || s.equals("all")) {
            return RerunScope.ALL;
        }
        if (s.equals("unreached")) {
            return RerunScope.UNREACHED;
        }
        throw ApiProblem.invalid("scope", "all or unreached", s);
    }
}
