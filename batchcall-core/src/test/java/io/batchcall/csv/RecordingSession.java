package io.batchcall.csv;

import io.batchcall.StorageException;
import io.batchcall.model.NewRecipient;
import io.batchcall.spi.ImportSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An {@link ImportSession} that records what it is given, deduplicating like a store would. */
final class RecordingSession implements ImportSession {
    final List<NewRecipient> added = new ArrayList<>();
    final List<Integer> chunkSizes = new ArrayList<>();
    final Set<String> numbers = new HashSet<>();
    final Set<Thread> callers = new HashSet<>();
    int failOnChunk = -1;
    boolean committed;
    boolean closed;

    @Override
    public int add(List<NewRecipient> chunk) {
        callers.add(Thread.currentThread());
        if (chunkSizes.size() == failOnChunk) {
            throw new StorageException("disk full (test)", false, null);
        }
        chunkSizes.add(chunk.size());
        int n = 0;
        for (NewRecipient r : chunk) {
            if (numbers.add(r.phone().e164())) {
                added.add(r);
                n++;
            }
        }
        return n;
    }

    @Override
    public long commit() {
        committed = true;
        return added.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
