package io.batchcall.api.internal;

import io.batchcall.BatchSummary;
import io.batchcall.csv.ImportReport;
import io.batchcall.csv.Rejection;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.EndCondition;
import io.batchcall.schedule.PeriodicRecurrence;
import io.batchcall.schedule.Recurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps the core's values to the JSON views. */
public final class Views {
    private Views() {
    }

    public static Dto.BatchView batch(BatchSummary s) {
        Batch b = s.batch();
        BatchSpec spec = b.spec();
        CallWindow w = spec.window();
        boolean allDay = w.isAllDay();
        Recurrence r = spec.recurrence();
        String type = null;
        Integer interval = null;
        String endDate = null;
        Long maxRuns = null;
        if (r != null) {
            if (r instanceof PeriodicRecurrence p) {
                type = p.frequency().name().toLowerCase(Locale.ROOT);
                interval = p.interval();
            } else {
                type = "cron";
            }
            if (r.end() instanceof EndCondition.Until u) {
                endDate = text(u.until());
            } else if (r.end() instanceof EndCondition.AfterRuns a) {
                maxRuns = a.runs();
            }
        }
        Instant scheduled = b.scheduledFor() != null ? b.scheduledFor() : spec.startAt();
        return new Dto.BatchView(b.id().value(), spec.name(), b.status().wireName(),
                b.pauseReason() == null ? null : b.pauseReason().wireName(), b.failureReason(),
                spec.fromNumber().e164(), spec.agentId(), text(scheduled),
                allDay ? null : w.start().toString(), allDay ? null : w.end().toString(), days(w),
                w.zone().getId(), spec.batchLimit(), type, interval, endDate, maxRuns,
                b.parentId() == null ? null : b.parentId().value(), b.parentId() == null ? null : b.occurrence(),
                text(b.createdAt()), text(b.startedAt()), text(b.finishedAt()), counts(s.counts()),
                OutcomeFields.machinePolicy(spec.machinePolicy()), OutcomeFields.dispositionViews(spec.dispositions()),
                OutcomeFields.ruleViews(spec.retry().byOutcome()), OutcomeFields.ruleViews(spec.retry().byDisposition()),
                w.blackouts().stream().map(java.time.LocalDate::toString).toList());
    }

    public static Dto.Counts counts(RecipientCounts c) {
        Map<String, Long> by = new LinkedHashMap<>();
        for (RecipientStatus st : RecipientStatus.values()) {
            by.put(st.wireName(), c.of(st));
        }
        return new Dto.Counts(c.total(), c.pending(), c.inFlight(), c.completed(), c.failed(), c.skipped(), by);
    }

    static List<String> days(CallWindow w) {
        return w.days().stream().map(Views::day).toList();
    }

    static String day(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    public static Dto.RecipientView recipient(Recipient r) {
        return new Dto.RecipientView(r.id().value(), r.phone().e164(), r.name(), r.status().wireName(), r.attempts(),
                r.reason(), r.variables());
    }

    public static Dto.AttemptView attempt(CallAttempt a) {
        return new Dto.AttemptView(a.id().value(), a.number(), a.status().wireName(), a.providerCallId(),
                text(a.placedAt()), text(a.endedAt()), a.talkTime() == null ? null : a.talkTime().toSeconds(),
                a.cost() == null ? null : a.cost().toBigDecimal().toPlainString(),
                a.cost() == null ? null : a.cost().currency().getCurrencyCode(), a.reason(),
                a.answeredBy() == null ? null : a.answeredBy().wireName(), a.disposition() == null ? null
                        : new Dto.DispositionView(a.disposition().code(), a.disposition().data(),
                                text(a.disposition().at())));
    }

    public static Dto.ImportView report(ImportReport r) {
        return new Dto.ImportView(r.rowsRead(), r.accepted(), r.duplicates(), r.rejected(), r.blankRows(),
                r.rejectionsTruncated(), r.columns().phone(), r.columns().variables(),
                r.rejections().stream().map(Views::rejection).toList(),
                r.duplicateRows().stream().map(Views::rejection).toList());
    }

    static Dto.RejectionView rejection(Rejection r) {
        return new Dto.RejectionView(r.line(), r.column(), r.value(), r.reason());
    }

    public static Dto.EventView event(StatusEvent e) {
        return new Dto.EventView(e.sequence(), text(e.at()), e.isBatchEvent() ? "batch" : "recipient",
                e.batchId().value(), e.recipientId() == null ? null : e.recipientId().value(),
                e.attemptId() == null ? null : e.attemptId().value(), e.status(), e.detail());
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
