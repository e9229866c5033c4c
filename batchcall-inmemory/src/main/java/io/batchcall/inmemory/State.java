package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.rules.AttemptChange;
import io.batchcall.rules.RecipientChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every table of an {@link InMemoryStorage} and the indexes over them. Not thread-safe by itself:
 * callers hold the monitor of this object for the whole of each operation, so every operation,
 * with the events it appends, is one atomic unit. All writes of recipients and attempts go through
 * {@link #putRecipient} and {@link #putAttempt}, which keep the indexes and counters right.
 */
final class State {
    /** A series run's unique key. */
    record RunKey(BatchId parent, long occurrence) {
    }

    final Clock clock;
    final TreeMap<Long, Batch> batches = new TreeMap<>();
    final Map<RunKey, BatchId> runs = new HashMap<>();
    final Map<Long, BatchRows> rows = new HashMap<>();
    final Map<Long, Recipient> recipients = new HashMap<>();
    final Map<Long, CallAttempt> attempts = new HashMap<>();

    /** The attempt if it exists and belongs to {@code account}; else null (an attempt of another account is unknown). */
    CallAttempt attempt(io.batchcall.model.AccountId account, io.batchcall.model.AttemptId id) {
        CallAttempt a = attempts.get(id.value());
        return a != null && a.account().equals(account) ? a : null;
    }
    final Map<Long, List<CallAttempt>> attemptsByRecipient = new HashMap<>();
    /** Attempts in calling, initiated, ringing or in_progress, by id. */
    final TreeSet<Long> openAttempts = new TreeSet<>();
    /** Attempts whose settlement is due, by id. */
    final TreeSet<Long> unsettled = new TreeSet<>();
    final Map<AccountId, Integer> inbound = new HashMap<>();
    final Map<AccountId, Integer> outboundActive = new HashMap<>();
    /** Each account's events by sequence (retention may have purged some); see {@link EventLogOf}. */
    final Map<AccountId, EventLogOf> events = new HashMap<>();
    /** Suppression entries by {@code NumberHash}; the number is null once erased. */
    final Map<String, SuppressionRow> suppressions = new HashMap<>();

    /** A suppression entry as stored: {@code e164} is null after the number was erased. */
    record SuppressionRow(AccountId account, String e164, String reason, String source, Instant at) {
    }
    /** Recent dial instants by {@code NumberHash}, for frequency caps. */
    final Map<String, List<Instant>> recentDials = new HashMap<>();

    /** One account's events: sequences are never reused, purged ones are simply absent. */
    static final class EventLogOf {
        final TreeMap<Long, StatusEvent> bySequence = new TreeMap<>();
        long head;
    }
    private long nextBatchId = 1;
    private long nextRecipientId = 1;
    private long nextAttemptId = 1;

    State(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    BatchId nextBatchId() {
        return BatchId.of(nextBatchId++);
    }

    AttemptId nextAttemptId() {
        return AttemptId.of(nextAttemptId++);
    }

    AccountId accountOf(BatchId batch) {
        return batches.get(batch.value()).account();
    }

    /** Adds a fresh pending recipient, due at once, unless its number is in the batch already. */
    boolean addRecipient(BatchId batch, NewRecipient r) {
        if (rows.get(batch.value()).phones.contains(r.phone().e164())) {
            return false;
        }
        putRecipient(new Recipient(RecipientId.of(nextRecipientId++), batch, r.phone(), r.name(), r.variables(),
                r.zoneKey(), RecipientStatus.PENDING, 0, Instant.EPOCH, null, null));
        return true;
    }

    /** Stores a new or changed recipient, keeping the batch's indexes and the account's active count. */
    void putRecipient(Recipient next) {
        Recipient old = recipients.put(next.id().value(), next);
        rows.get(next.batchId().value()).replace(old, next);
        int delta = (next.status().isActive() ? 1 : 0) - (old != null && old.status().isActive() ? 1 : 0);
        if (delta != 0) {
            outboundActive.merge(accountOf(next.batchId()), delta, Integer::sum);
        }
    }

    /** Stores a new or changed attempt. */
    void putAttempt(CallAttempt next) {
        CallAttempt old = attempts.put(next.id().value(), next);
        List<CallAttempt> history = attemptsByRecipient.computeIfAbsent(next.recipientId().value(),
                k -> new ArrayList<>());
        if (old == null) {
            history.add(next);
        } else {
            history.set(history.indexOf(old), next);
        }
        if (next.status().isActive()) {
            openAttempts.add(next.id().value());
        } else {
            openAttempts.remove(next.id().value());
        }
        if (next.settlementDue()) {
            unsettled.add(next.id().value());
        } else {
            unsettled.remove(next.id().value());
        }
    }

    /** Removes a batch with its recipients and attempts; its events stay. */
    void removeBatch(Batch batch) {
        BatchRows removed = rows.remove(batch.id().value());
        for (Recipient r : removed.byId.values()) {
            recipients.remove(r.id().value());
            List<CallAttempt> history = attemptsByRecipient.remove(r.id().value());
            for (CallAttempt a : history == null ? List.<CallAttempt>of() : history) {
                attempts.remove(a.id().value());
                openAttempts.remove(a.id().value());
                unsettled.remove(a.id().value());
            }
        }
        outboundActive.merge(batch.account(), -removed.active, Integer::sum);
        batches.remove(batch.id().value());
        if (batch.parentId() != null) {
            runs.remove(new RunKey(batch.parentId(), batch.occurrence()));
        }
    }

    /**
     * Applies a change decided by {@link AttemptRules} to an attempt that is still as loaded
     * (the caller holds the monitor since loading it): the attempt, the recipient under the
     * change's guards, and the event.
     */
    void apply(AttemptChange change) {
        CallAttempt next = change.after();
        if (change.changesAttempt()) {
            putAttempt(next);
        }
        Recipient r = recipients.get(next.recipientId().value());
        RecipientChange rc = change.recipient();
        if (rc != null && next.id().equals(r.lastAttempt()) && (rc.onlyIf() == null || rc.onlyIf() == r.status())) {
            r = new Recipient(r.id(), r.batchId(), r.phone(), r.name(), r.variables(), r.zoneKey(), rc.status(),
                    Math.max(0, r.attempts() + rc.attemptsDelta()), rc.notBefore() != null ? rc.notBefore()
                            : r.notBefore(), rc.reason(), r.lastAttempt());
            putRecipient(r);
        } else if (rc != null && rc.onlyIf() != null) {
            return; // a guarded move that no longer applies appends no event
        }
        if (change.eventStatus() != null) {
            append(change.eventAt(), accountOf(r.batchId()), r.batchId(), r.id(), next.id(), change.eventStatus(),
                    change.eventDetail());
        }
    }

    void recipientEvent(Instant at, Recipient r, AttemptId attempt, String detail) {
        append(at, accountOf(r.batchId()), r.batchId(), r.id(), attempt, r.status().wireName(), detail);
    }

    void batchEvent(Instant at, Batch b) {
        append(at, b.account(), b.id(), null, null, b.status().wireName(), batchDetail(b));
    }

    /** The pause reason of a paused batch, the failure reason of a failed one, else null. */
    static String batchDetail(Batch b) {
        if (b.status() == BatchStatus.PAUSED) {
            return b.pauseReason() == null ? null : b.pauseReason().wireName();
        }
        return b.status() == BatchStatus.FAILED ? b.failureReason() : null;
    }

    private void append(Instant at, AccountId account, BatchId batch, RecipientId recipient, AttemptId attempt,
            String status, String detail) {
        EventLogOf log = events.computeIfAbsent(account, a -> new EventLogOf());
        log.head++;
        log.bySequence.put(log.head, new StatusEvent(log.head, at, account, batch, recipient, attempt, status, detail));
    }
}
