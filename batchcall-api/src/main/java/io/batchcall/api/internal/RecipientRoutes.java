package io.batchcall.api.internal;

import io.batchcall.BatchCalls;
import io.batchcall.BatchCallException;
import io.batchcall.BatchSummary;
import io.batchcall.csv.CsvImportException;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.csv.Rejection;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.Tariff;
import io.batchcall.spi.RecipientQuery;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Recipients: CSV upload and its rejections, listing, attempts, results export, estimate, template. */
final class RecipientRoutes {
    private final ApiContext ctx;

    RecipientRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", "/batches/{id}/recipients", Media.JSON, this::upload);
        r.add("GET", "/batches/{id}/recipients", Media.JSON, this::list);
        r.add("GET", "/batches/{id}/recipients/{recipient_id}/attempts", Media.JSON, this::attempts);
        r.add("GET", "/batches/{id}/rejections.csv", Media.CSV, this::rejections);
        r.add("GET", "/batches/{id}/results.csv", Media.CSV, c -> {
            BatchId id = c.batchId();
            ctx.scoped().require(c.account(), id);
            ResultsCsv csv = new ResultsCsv(ctx.calls(), id);
            return Responses.csv("batch-" + id + "-results.csv", csv::writeTo);
        });
        r.add("GET", "/batches/{id}/estimate", Media.JSON, this::estimate);
        r.add("GET", "/csv-template", Media.CSV, c -> Responses.text(Media.CSV, BatchCalls.csvTemplate()));
    }

    private io.batchcall.api.ApiResponse upload(Call c) {
        BatchId id = c.batchId();
        ctx.scoped().require(c.account(), id);
        String ct = c.request.header("Content-Type");
        if (ct == null || !Media.isCsv(ct)) {
            throw ApiProblem.unsupported(ct, "text/csv");
        }
        ImportOptions options = ctx.importOptions();
        String region = c.request.param("default_region");
        if (region != null) {
            try {
                options = ImportOptions.from(options).defaultRegion(region).build();
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("default_region", "an ISO 3166 region such as US or GB, or ZZ", region);
            }
        }
        LimitedBody body = c.body(c.limits().maxCsvBytes());
        ImportReport report;
        try {
            report = ctx.calls().importRecipients(id, body, options);
        } catch (CsvImportException e) {
            ApiProblem p = body.problem();
            if (p != null) {
                throw p;
            }
            throw ApiProblem.badRequest("csv-rejected", e.getMessage() + "; nothing was stored", "body",
                    e.line() > 0 ? "line " + e.line() : null);
        } catch (BatchCallException e) {
            ApiProblem p = body.problem();
            if (p != null) {
                throw p;
            }
            throw e;
        }
        ctx.reports().put(id, report);
        return Responses.json(200, Views.report(report));
    }

    private io.batchcall.api.ApiResponse rejections(Call c) {
        BatchId id = c.batchId();
        ctx.scoped().require(c.account(), id);
        ImportReport report = ctx.reports().get(id);
        if (report == null) {
            throw ApiProblem.notFound("no upload of batch " + id + " on this server since it started");
        }
        return Responses.csv("batch-" + id + "-rejections.csv", out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(CsvCells.line(List.of("line", "column", "value", "reason")));
            for (Rejection j : report.rejections()) {
                w.write(CsvCells.line(List.of(Long.toString(j.line()), j.column(), j.value(), j.reason())));
            }
            w.flush();
        });
    }

    private io.batchcall.api.ApiResponse list(Call c) {
        BatchId id = c.batchId();
        ctx.scoped().require(c.account(), id);
        String s = c.lowerParam("status");
        RecipientStatus status = null;
        if (s != null && !s.isEmpty()) {
            try {
                status = RecipientStatus.fromWireName(s);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("status", "one of pending, calling, initiated, ringing, in_progress, "
                        + "completed, failed, busy, no_answer, skipped", s);
            }
        }
        int limit = c.intParam("limit", 100, 1, 1000);
        Long cursor = c.cursorParam("cursor");
        List<Dto.RecipientView> items = ctx.calls().recipients(id, new RecipientQuery(status,
                cursor == null ? null : RecipientId.of(cursor), limit)).stream().map(Views::recipient).toList();
        String next = items.size() == limit ? Long.toString(items.get(items.size() - 1).id()) : null;
        return Responses.json(200, new Dto.Page<>(items, next));
    }

    private io.batchcall.api.ApiResponse attempts(Call c) {
        BatchId id = c.batchId();
        RecipientId rid = c.recipientId();
        ctx.scoped().require(c.account(), id);
        List<CallAttempt> attempts;
        try {
            attempts = ctx.calls().forAccount(c.account()).attempts(id, rid);
        } catch (io.batchcall.NotFoundException e) {
            throw ApiProblem.notFound("recipient " + rid + " of batch " + id + " does not exist");
        }
        return Responses.json(200, new Dto.Page<>(attempts.stream().map(Views::attempt).toList(), null));
    }

    private io.batchcall.api.ApiResponse estimate(Call c) {
        BatchId id = c.batchId();
        BatchSummary s = ctx.scoped().batch(c.account(), id);
        long talk = c.intParam("talk_seconds", (int) ctx.assumedTalkTime().toSeconds(), 0, 86_400);
        boolean notStarted = s.batch().status() == BatchStatus.DRAFT || s.batch().status() == BatchStatus.SCHEDULED;
        long recipients = notStarted ? s.counts().total() : s.counts().pending();
        Tariff t = ctx.tariff();
        Money perCall = t.cost(Duration.ofSeconds(talk));
        Money total = perCall.times(recipients);
        return Responses.json(200, new Dto.Estimate(recipients, talk, Tariff.billableMinutes(Duration.ofSeconds(talk)),
                plain(t.dialFee()), plain(t.perMinute()), plain(perCall), plain(total),
                total.currency().getCurrencyCode()));
    }

    private static String plain(Money m) {
        return m.toBigDecimal().toPlainString();
    }
}
