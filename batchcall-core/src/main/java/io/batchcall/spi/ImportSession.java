package io.batchcall.spi;

import io.batchcall.model.NewRecipient;
import java.util.List;

/**
 * A unit of work adding recipients to one batch. Chunks added are invisible until
 * {@link #commit()}; {@link #close()} without commit discards them and leaves the batch as it was.
 * Not thread-safe: one importer thread uses a session.
 */
public interface ImportSession extends AutoCloseable {
    /**
     * Adds a chunk. A recipient whose number is already in the batch (stored, or added earlier in
     * this session) is not added again; the return value says how many were added.
     */
    int add(List<NewRecipient> chunk);

    /** Makes everything added visible at once. Returns the number added. */
    long commit();

    /** Discards everything added unless committed. Idempotent. */
    @Override
    void close();
}
