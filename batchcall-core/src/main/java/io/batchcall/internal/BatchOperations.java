package io.batchcall.internal;

import io.batchcall.BatchCallException;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.RerunScope;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewBatch;
import io.batchcall.model.PauseReason;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;

/**
 * The user's operations on batches and series, each checked against the status machine with a
 * message that names the batch and its status. Used by the public facade.
 */
public final class BatchOperations {
    private static final EnumSet<BatchStatus> CANCELLABLE =
            EnumSet.of(BatchStatus.DRAFT, BatchStatus.SCHEDULED, BatchStatus.RUNNING, BatchStatus.PAUSED);

    private final Storage storage;
    private final Engine engine;
    private final BatchTransitions transitions;
    private final Clock clock;

    public BatchOperations(Storage storage, Engine engine, Clock clock) {
        this.storage = storage;
        this.engine = engine;
        this.transitions = engine.transitions();
        this.clock = clock;
    }

    public Batch get(BatchId id) {
        return transitions.get(id);
    }

    public Batch createDraft(BatchSpec spec) {
        Objects.requireNonNull(spec, "spec must not be null");
        return storage.batches().create(NewBatch.draft(spec, clock.instant()));
    }

    public Batch updateDraft(BatchId id, BatchSpec spec) {
        Objects.requireNonNull(spec, "spec must not be null");
        return transitions.modify(id, b -> {
            requireEditable(b);
            if (!b.account().equals(spec.account())) {
                throw new IllegalArgumentException("account of batch " + id + " cannot change from " + b.account()
                        + " to " + spec.account());
            }
            if (b.isSeriesParent() && b.status() != BatchStatus.DRAFT && !spec.isRecurring()) {
                throw new IllegalArgumentException("series " + id + " is " + b.status()
                        + "; its recurrence can be changed but not removed");
            }
            return b.withSpec(spec);
        });
    }

    /** Drafts, and the config and recipient template of a recurring series, are editable. */
    public void requireEditable(Batch b) {
        boolean seriesConfig = b.isSeriesParent()
                && (b.status() == BatchStatus.RECURRING || b.status() == BatchStatus.PAUSED);
        if (b.status() != BatchStatus.DRAFT && !seriesConfig) {
            throw new IllegalStateTransitionException("batch " + b.id() + " is " + b.status()
                    + "; only drafts (and the config of a recurring series) can be edited");
        }
    }

    public void deleteDraft(BatchId id) {
        Batch b = get(id);
        if (b.status() != BatchStatus.DRAFT) {
            throw new IllegalStateTransitionException("batch " + id + " is " + b.status()
                    + "; only drafts can be deleted");
        }
        storage.batches().delete(id, b.version());
    }

    public Batch send(BatchId id) {
        Batch b = get(id);
        if (b.status() != BatchStatus.DRAFT) {
            throw new IllegalStateTransitionException("batch " + id + " is " + b.status()
                    + "; only a draft can be sent (use rerun for a finished batch)");
        }
        if (storage.recipients().list(id, RecipientQuery.first(1)).isEmpty()) {
            throw new BatchCallException("batch " + id + " has no recipients; add recipients before sending");
        }
        Instant now = clock.instant();
        if (b.spec().isRecurring()) {
            Batch parent = transitions.to(id, BatchStatus.RECURRING, null);
            engine.series().advance(parent);
            return get(id);
        }
        Instant start = b.spec().startAt();
        if (start != null && start.isAfter(now)) {
            return transitions.modify(id, cur -> requireDraft(cur).withScheduledFor(start)
                    .withStatus(BatchStatus.SCHEDULED, null));
        }
        Batch running = transitions.modify(id, cur -> transitions.stamped(requireDraft(cur), BatchStatus.RUNNING, null));
        return transitions.pauseIfOutsideWindow(running);
    }

    private static Batch requireDraft(Batch b) {
        if (b.status() != BatchStatus.DRAFT) {
            throw new IllegalStateTransitionException("batch " + b.id() + " is " + b.status()
                    + "; only a draft can be sent");
        }
        return b;
    }

    public Batch cancel(BatchId id) {
        Batch b = get(id);
        if (b.isSeriesParent()) {
            return cancelSeries(id);
        }
        Batch cancelled = transitions.modify(id, cur -> {
            if (!CANCELLABLE.contains(cur.status())) {
                throw new IllegalStateTransitionException("batch " + id + " is " + cur.status()
                        + "; only draft, scheduled, running or paused batches can be cancelled");
            }
            return transitions.stamped(cur, BatchStatus.CANCELLED, null);
        });
        storage.recipients().skipPending(id, "batch cancelled", clock.instant());
        return cancelled;
    }

    public Batch pause(BatchId id) {
        return transitions.modify(id, cur -> {
            if (cur.isSeriesParent()) {
                throw new IllegalStateTransitionException("batch " + id + " is a recurring series; use pauseSeries");
            }
            if (cur.status() == BatchStatus.PAUSED) {
                return cur.pauseReason() == PauseReason.MANUAL ? cur : cur.withStatus(BatchStatus.PAUSED,
                        PauseReason.MANUAL);
            }
            if (cur.status() != BatchStatus.RUNNING) {
                throw new IllegalStateTransitionException("batch " + id + " is " + cur.status()
                        + "; only a running batch can be paused");
            }
            return transitions.stamped(cur, BatchStatus.PAUSED, PauseReason.MANUAL);
        });
    }

    public Batch resume(BatchId id) {
        Batch b = get(id);
        if (b.status() != BatchStatus.PAUSED || b.isSeriesParent()) {
            throw new IllegalStateTransitionException("batch " + id + " is " + b.status()
                    + (b.isSeriesParent() ? " (a recurring series; use resumeSeries)" : "; only a paused batch can be resumed"));
        }
        if (b.pauseReason() == PauseReason.INSUFFICIENT_CREDIT && !engine.coversOneDial(b.account())) {
            throw new BatchCallException("batch " + id + " is paused for insufficient credit and account "
                    + b.account() + " still cannot pay for a dial; top up before resuming");
        }
        Batch running = transitions.modify(id, cur -> cur.status() == BatchStatus.PAUSED
                ? transitions.stamped(cur, BatchStatus.RUNNING, null) : cur);
        return transitions.pauseIfOutsideWindow(running);
    }

    public Batch rerun(BatchId id, RerunScope scope) {
        Objects.requireNonNull(scope, "scope must not be null");
        Batch b = get(id);
        if (!b.status().isFinished() || b.isSeriesParent()) {
            throw new IllegalStateTransitionException("batch " + id + " is " + b.status()
                    + "; only a completed, cancelled or failed batch can be re-run");
        }
        long requeued = storage.recipients().requeueAll(id, scope == RerunScope.UNREACHED, clock.instant());
        if (requeued == 0) {
            throw new BatchCallException("batch " + id + " has no recipients to re-run with scope " + scope);
        }
        return transitions.modify(id, cur -> transitions.stamped(cur, BatchStatus.RUNNING, null));
    }

    public Batch pauseSeries(BatchId id) {
        return transitions.modify(id, cur -> {
            requireSeries(cur);
            if (cur.status() == BatchStatus.PAUSED) {
                return cur;
            }
            if (cur.status() != BatchStatus.RECURRING) {
                throw new IllegalStateTransitionException("series " + id + " is " + cur.status()
                        + "; only a recurring series can be paused");
            }
            return transitions.stamped(cur, BatchStatus.PAUSED, PauseReason.SERIES_PAUSED);
        });
    }

    public Batch resumeSeries(BatchId id) {
        Batch parent = transitions.modify(id, cur -> {
            requireSeries(cur);
            if (cur.status() == BatchStatus.RECURRING) {
                return cur;
            }
            if (cur.status() != BatchStatus.PAUSED) {
                throw new IllegalStateTransitionException("series " + id + " is " + cur.status()
                        + "; only a paused series can be resumed");
            }
            return transitions.stamped(cur, BatchStatus.RECURRING, null);
        });
        engine.series().advance(parent);
        return get(id);
    }

    public Batch cancelSeries(BatchId id) {
        Batch parent = transitions.modify(id, cur -> {
            requireSeries(cur);
            if (cur.status() != BatchStatus.RECURRING && cur.status() != BatchStatus.PAUSED
                    && cur.status() != BatchStatus.DRAFT) {
                throw new IllegalStateTransitionException("series " + id + " is " + cur.status()
                        + "; only a draft, recurring or paused series can be cancelled");
            }
            return transitions.stamped(cur, BatchStatus.CANCELLED, null);
        });
        for (Batch run : AllBatches.oldestFirst(storage.batches(), new BatchQuery(null, CANCELLABLE, id, false, null,
                1))) {
            try {
                cancel(run.id());
            } catch (IllegalStateTransitionException e) {
                // finished meanwhile: nothing to cancel
            }
        }
        return parent;
    }

    private static void requireSeries(Batch b) {
        if (!b.isSeriesParent()) {
            throw new IllegalStateTransitionException("batch " + b.id() + " is not a recurring series");
        }
    }
}
