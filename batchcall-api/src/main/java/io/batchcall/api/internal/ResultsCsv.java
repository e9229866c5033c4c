package io.batchcall.api.internal;

import io.batchcall.BatchCalls;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.spi.RecipientQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The results export: one CSV line per recipient in id order with its final status, attempts,
 * talk time, cost, who answered and the disposition of its latest attempt, and variables. Streamed page by page: a first pass collects the variable names
 * (bounded by the import's column limit), a second writes the rows.
 */
final class ResultsCsv {
    private static final int PAGE = 500;

    private final BatchCalls calls;
    private final BatchId batch;

    ResultsCsv(BatchCalls calls, BatchId batch) {
        this.calls = calls;
        this.batch = batch;
    }

    void writeTo(OutputStream out) throws IOException {
        Set<String> variables = new LinkedHashSet<>();
        forEachPage(page -> page.forEach(r -> variables.addAll(r.variables().keySet())));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("recipient_id", "phone", "name", "status", "attempts",
                "talk_seconds", "cost", "currency", "reason", "answered_by", "disposition"));
        header.addAll(variables);
        w.write(CsvCells.line(header));
        IOException[] failed = new IOException[1];
        forEachPage(page -> {
            if (failed[0] != null) {
                return;
            }
            try {
                for (Recipient r : page) {
                    w.write(row(r, variables));
                }
                w.flush();
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        w.flush();
    }

    private String row(Recipient r, Set<String> variables) {
        long talk = 0;
        Money cost = null;
        CallAttempt latest = null;
        for (CallAttempt a : calls.attempts(r.id())) {
            latest = a;
            talk += a.talkTime() == null ? 0 : a.talkTime().toSeconds();
            if (a.cost() != null) {
                cost = cost == null ? a.cost() : cost.plus(a.cost());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(r.id().value()).append(',').append(CsvCells.trusted(r.phone().e164())).append(',')
                .append(CsvCells.cell(r.name())).append(',').append(r.status().wireName()).append(',')
                .append(r.attempts()).append(',').append(Duration.ofSeconds(talk).toSeconds()).append(',')
                .append(cost == null ? "" : cost.toBigDecimal().toPlainString()).append(',')
                .append(cost == null ? "" : cost.currency().getCurrencyCode()).append(',')
                .append(CsvCells.cell(r.reason())).append(',')
                .append(latest == null || latest.answeredBy() == null ? "" : latest.answeredBy().wireName()).append(',')
                .append(latest == null || latest.disposition() == null ? "" : CsvCells.cell(latest.disposition().code()));
        for (String v : variables) {
            b.append(',').append(CsvCells.cell(r.variables().get(v)));
        }
        return b.append("\r\n").toString();
    }

    private void forEachPage(java.util.function.Consumer<List<Recipient>> action) {
        RecipientQuery q = RecipientQuery.first(PAGE);
        while (true) {
            List<Recipient> page = calls.recipients(batch, q);
            if (page.isEmpty()) {
                return;
            }
            action.accept(page);
            if (page.size() < PAGE) {
                return;
            }
            q = new RecipientQuery(null, page.get(page.size() - 1).id(), PAGE);
        }
    }
}
