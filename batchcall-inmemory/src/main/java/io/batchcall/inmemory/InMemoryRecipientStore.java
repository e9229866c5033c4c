package io.batchcall.inmemory;

import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.RecipientStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The recipients of an {@link InMemoryStorage}. */
final class InMemoryRecipientStore implements RecipientStore {
    private final State state;

    InMemoryRecipientStore(State state) {
        this.state = state;
    }

    @Override
    public ImportSession openImport(BatchId batch) {
        synchronized (state) {
            rowsOrThrow(batch);
            return new InMemoryImportSession(state, batch);
        }
    }

    @Override
    public void forEachPhone(BatchId batch, Consumer<String> action) {
        List<String> phones = new ArrayList<>();
        synchronized (state) {
            for (Recipient r : rows(batch).byId.values()) {
                phones.add(r.phone().e164());
            }
        }
        phones.forEach(action); // outside the lock: the action may call back into the store
    }

    @Override
    public Optional<Recipient> find(RecipientId id) {
        synchronized (state) {
            return Optional.ofNullable(state.recipients.get(id.value()));
        }
    }

    @Override
    public List<Recipient> list(BatchId batch, RecipientQuery query) {
        synchronized (state) {
            Map<Long, Recipient> byId = rows(batch).byId;
            if (query.afterId() != null) {
                byId = rows(batch).byId.tailMap(query.afterId().value(), false);
            }
            List<Recipient> page = new ArrayList<>();
            for (Recipient r : byId.values()) {
                if (page.size() == query.limit()) {
                    break;
                }
                if (query.status() == null || query.status() == r.status()) {
                    page.add(r);
                }
            }
            return page;
        }
    }

    @Override
    public RecipientCounts counts(BatchId batch) {
        synchronized (state) {
            return new RecipientCounts(rows(batch).counts);
        }
    }

    @Override
    public Set<String> pendingZoneKeys(BatchId batch) {
        synchronized (state) {
            Set<String> keys = new TreeSet<>();
            for (Recipient r : rows(batch).pending) {
                keys.add(r.zoneKey());
            }
            return keys;
        }
    }

    @Override
    public long copyRecipients(BatchId from, BatchId to) {
        synchronized (state) {
            List<Recipient> source = new ArrayList<>(rowsOrThrow(from).byId.values());
            rowsOrThrow(to);
            Batch a = state.batches.get(from.value());
            Batch b = state.batches.get(to.value());
            if (a != null && b != null && !a.account().equals(b.account())) {
                throw new IllegalArgumentException("recipients are copied within one account, but batch " + from
                        + " belongs to " + a.account() + " and batch " + to + " to " + b.account());
            }
            long copied = 0;
            for (Recipient r : source) {
                if (state.addRecipient(to, new NewRecipient(r.phone(), r.name(), r.variables(), r.zoneKey()))) {
                    copied++;
                }
            }
            return copied;
        }
    }

    @Override
    public long skipPending(BatchId batch, String reason, Instant at) {
        synchronized (state) {
            long moved = 0;
            for (Recipient r : new ArrayList<>(rows(batch).byId.values())) {
                if (r.status() == RecipientStatus.PENDING) {
                    Recipient next = new Recipient(r.id(), r.batchId(), r.phone(), r.name(), r.variables(),
                            r.zoneKey(), RecipientStatus.SKIPPED, r.attempts(), r.notBefore(), reason, r.lastAttempt());
                    state.putRecipient(next);
                    state.recipientEvent(at, next, null, reason);
                    moved++;
                }
            }
            return moved;
        }
    }

    @Override
    public long requeueAll(BatchId batch, boolean unreachedOnly, Instant at) {
        synchronized (state) {
            long moved = 0;
            for (Recipient r : new ArrayList<>(rows(batch).byId.values())) {
                boolean finished = r.status().isTerminal()
                        && !(unreachedOnly && r.status() == RecipientStatus.COMPLETED);
                if (finished) {
                    Recipient next = new Recipient(r.id(), r.batchId(), r.phone(), r.name(), r.variables(),
                            r.zoneKey(), RecipientStatus.PENDING, 0, at, null, r.lastAttempt());
                    state.putRecipient(next);
                    state.recipientEvent(at, next, null, null);
                    moved++;
                } else if (r.status() == RecipientStatus.PENDING && r.attempts() != 0) {
                    state.putRecipient(new Recipient(r.id(), r.batchId(), r.phone(), r.name(), r.variables(),
                            r.zoneKey(), r.status(), 0, r.notBefore(), r.reason(), r.lastAttempt()));
                }
            }
            return moved;
        }
    }

    /** The batch's rows, or empty rows for an unknown batch. */
    private BatchRows rows(BatchId batch) {
        BatchRows rows = state.rows.get(batch.value());
        return rows == null ? new BatchRows() : rows;
    }

    private BatchRows rowsOrThrow(BatchId batch) {
        BatchRows rows = state.rows.get(batch.value());
        if (rows == null) {
            throw new NotFoundException("batch " + batch + " does not exist");
        }
        return rows;
    }
}
