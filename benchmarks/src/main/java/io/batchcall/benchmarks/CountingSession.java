package io.batchcall.benchmarks;

import io.batchcall.model.NewRecipient;
import io.batchcall.spi.ImportSession;
import java.util.List;

/**
 * An import session that counts recipients and drops them, so the benchmark measures the
 * importer, not a store (and its heap is the importer's alone).
 */
final class CountingSession implements ImportSession {
    private long added;
    private long variables;

    @Override
    public int add(List<NewRecipient> chunk) {
        added += chunk.size();
        for (NewRecipient r : chunk) {
            variables += r.variables().size();
        }
        return chunk.size();
    }

    @Override
    public long commit() {
        return added;
    }

    @Override
    public void close() {
    }

    long variables() {
        return variables;
    }
}
