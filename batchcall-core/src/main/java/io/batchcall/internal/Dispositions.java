package io.batchcall.internal;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.NotFoundException;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.rules.OutcomeRules;
import io.batchcall.spi.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The facade's side of dispositions and call backs: validates, asks the rules for the retry time,
 * and hands the change to the store (which asks the rules again, under its guard).
 */
public final class Dispositions {
    /** The event detail of a call back the host scheduled. */
    public static final String CALLBACK = "callback";

    private final Storage storage;
    private final Clock clock;
    private final Contacts contacts;

    /**
     * @param storage the stores
     * @param clock the engine's clock
     * @param contacts the engine's contact data, where an opt-out disposition suppresses the number
     */
    public Dispositions(Storage storage, Clock clock, Contacts contacts) {
        this.storage = storage;
        this.clock = clock;
        this.contacts = contacts;
    }

    /** The attempt or a NotFoundException. */
    public CallAttempt attempt(AttemptId id) {
        return storage.calls().attempt(id).orElseThrow(() -> new NotFoundException("attempt " + id
                + " does not exist"));
    }

    /** Records a disposition once; returns the attempt as stored. */
    public CallAttempt record(AttemptId id, String code, Map<String, String> data) {
        Disposition d = Disposition.of(code, data);
        CallAttempt a = attempt(id);
        Batch b = storage.batches().find(a.batchId()).orElseThrow(() -> new NotFoundException("batch "
                + a.batchId() + " of attempt " + id + " does not exist"));
        OutcomeRules.checkAllowed(b.spec().dispositions(), d);
        Instant now = clock.instant();
        if (optOut(b, d)) {
            // Suppressed before the disposition is stored: a failure here refuses the report (the host
            // reports again), and a repeated report suppresses again, harmlessly. A conflicting report
            // is refused first, so it suppresses nothing.
            OutcomeRules.disposition(a, d, now);
            contacts.optOut(a.account(), a.to(), d.code());
        }
        Instant retryAt = null;
        if (a.status().isTerminal() && a.disposition() == null && !b.status().isFinished()) {
            retryAt = Settlement.retryAt(b, a.withDisposition(d.recordedAt(now)), storage.calls(),
                    storage.recipients()).orElse(null);
        }
        return storage.outcomes().recordDisposition(a.account(), id, d, retryAt, now).orElseThrow(() -> new NotFoundException(
                "attempt " + id + " does not exist"));
    }

    private static boolean optOut(Batch b, Disposition d) {
        for (DispositionCode c : b.spec().dispositions()) {
            if (c.code().equals(d.code())) {
                return c.optOut();
            }
        }
        return false;
    }

    /** Queues a dialed recipient of a running, paused or scheduled batch for a call back at {@code when}. */
    public boolean scheduleCallback(BatchId batchId, RecipientId recipientId, Instant when) {
        Objects.requireNonNull(when, "when must not be null");
        Batch b = storage.batches().find(batchId).orElseThrow(() -> new NotFoundException("batch " + batchId
                + " does not exist"));
        Recipient r = storage.recipients().find(recipientId).filter(x -> x.batchId().equals(batchId))
                .orElseThrow(() -> new NotFoundException("recipient " + recipientId + " of batch " + batchId
                        + " does not exist"));
        if (b.status() != BatchStatus.RUNNING && b.status() != BatchStatus.PAUSED
                && b.status() != BatchStatus.SCHEDULED) {
            throw new IllegalStateTransitionException("batch " + batchId + " is " + b.status().wireName()
                    + "; a call back needs a scheduled, running or paused batch");
        }
        if (r.lastAttempt() == null) {
            throw new IllegalStateTransitionException("recipient " + recipientId + " of batch " + batchId
                    + " was never dialed (" + r.status().wireName() + "); it is dialed anyway");
        }
        return storage.outcomes().requeue(b.account(), r.lastAttempt(), r.status(), when, CALLBACK, clock.instant());
    }

    /** Attempts per disposition code of a batch. */
    public Map<String, Long> counts(BatchId batch) {
        return storage.outcomes().dispositionCounts(batch);
    }
}
