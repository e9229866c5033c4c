package io.batchcall.inmemory;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewBatch;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.DuplicateRunException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The batches of an {@link InMemoryStorage}. */
final class InMemoryBatchStore implements BatchStore {
    private final State state;

    InMemoryBatchStore(State state) {
        this.state = state;
    }

    @Override
    public Batch create(NewBatch nb) {
        synchronized (state) {
            State.RunKey run = nb.parentId() == null ? null : new State.RunKey(nb.parentId(), nb.occurrence());
            if (run != null && state.runs.containsKey(run)) {
                throw new DuplicateRunException(nb.parentId(), nb.occurrence());
            }
            Batch b = new Batch(state.nextBatchId(), nb.spec(), nb.status(), null, null, nb.parentId(),
                    nb.occurrence(), nb.scheduledFor(), nb.createdAt(), null, null, 1);
            state.batches.put(b.id().value(), b);
            state.rows.put(b.id().value(), new BatchRows());
            if (run != null) {
                state.runs.put(run, b.id());
            }
            state.batchEvent(b.createdAt(), b);
            return b;
        }
    }

    @Override
    public Optional<Batch> find(BatchId id) {
        synchronized (state) {
            return Optional.ofNullable(state.batches.get(id.value()));
        }
    }

    @Override
    public Batch update(Batch changed) {
        synchronized (state) {
            Batch old = current(changed.id(), changed.version());
            Batch next = new Batch(old.id(), changed.spec(), changed.status(), changed.pauseReason(),
                    changed.failureReason(), old.parentId(), old.occurrence(), changed.scheduledFor(),
                    old.createdAt(), changed.startedAt(), changed.finishedAt(), old.version() + 1);
            state.batches.put(next.id().value(), next);
            moveActiveCalls(old.account(), next.account(), state.rows.get(old.id().value()).active);
            if (old.status() != next.status() || !Objects.equals(State.batchDetail(old), State.batchDetail(next))) {
                state.batchEvent(state.clock.instant(), next);
            }
            return next;
        }
    }

    @Override
    public void delete(BatchId id, long version) {
        synchronized (state) {
            state.removeBatch(current(id, version));
        }
    }

    @Override
    public List<Batch> find(BatchQuery query) {
        synchronized (state) {
            Map<Long, Batch> candidates = query.beforeId() == null ? state.batches.descendingMap()
                    : state.batches.headMap(query.beforeId().value(), false).descendingMap();
            List<Batch> page = new ArrayList<>();
            for (Batch b : candidates.values()) {
                if (page.size() == query.limit()) {
                    break;
                }
                if (query.matches(b)) {
                    page.add(b);
                }
            }
            return page;
        }
    }

    private Batch current(BatchId id, long version) {
        Batch old = state.batches.get(id.value());
        if (old == null) {
            throw new NotFoundException("batch " + id + " does not exist");
        }
        if (old.version() != version) {
            throw new ConcurrentUpdateException("batch " + id + " was changed concurrently: expected version "
                    + version + ", but the stored version is " + old.version());
        }
        return old;
    }

    private void moveActiveCalls(AccountId from, AccountId to, int calls) {
        if (!from.equals(to) && calls != 0) {
            state.outboundActive.merge(from, -calls, Integer::sum);
            state.outboundActive.merge(to, calls, Integer::sum);
        }
    }
}
