package io.batchcall.inmemory;

import io.batchcall.NotFoundException;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewRecipient;
import io.batchcall.spi.ImportSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Buffers added recipients privately and stores them in one step on commit. */
final class InMemoryImportSession implements ImportSession {
    private final State state;
    private final BatchId batch;
    private final List<NewRecipient> buffer = new ArrayList<>();
    private final Set<String> phones = new HashSet<>();
    private boolean open = true;

    InMemoryImportSession(State state, BatchId batch) {
        this.state = state;
        this.batch = batch;
    }

    @Override
    public int add(List<NewRecipient> chunk) {
        checkOpen();
        int added = 0;
        synchronized (state) {
            BatchRows rows = state.rows.get(batch.value());
            for (NewRecipient r : chunk) {
                String phone = r.phone().e164();
                if ((rows == null || !rows.phones.contains(phone)) && phones.add(phone)) {
                    buffer.add(r);
                    added++;
                }
            }
        }
        return added;
    }

    @Override
    public long commit() {
        checkOpen();
        open = false;
        try {
            synchronized (state) {
                if (!state.rows.containsKey(batch.value())) {
                    throw new NotFoundException("batch " + batch + " was deleted during the import");
                }
                long stored = 0;
                for (NewRecipient r : buffer) {
                    stored += state.addRecipient(batch, r) ? 1 : 0;
                }
                return stored;
            }
        } finally {
            buffer.clear();
            phones.clear();
        }
    }

    @Override
    public void close() {
        open = false;
        buffer.clear();
        phones.clear();
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the import session for batch " + batch + " was already committed or closed");
        }
    }
}
