package io.batchcall.spi;

import io.batchcall.model.NewRecipient;
import java.util.List;

/**
 * A unit of work adding recipients to one batch. Chunks added are invisible until
 * {@link #commit()}; {@link #close()} without commit discards them and leaves the batch as it was.
 * Not thread-safe: one importer thread uses a session.
 *
 * <p>Recipients are stored as {@code pending} with zero attempts, no reason, no last attempt and
 * {@code notBefore} = {@link java.time.Instant#EPOCH} (due at once), with ids increasing in the
 * order they were added. Adding recipients is not a status change: no events are appended.
 */
public interface ImportSession extends AutoCloseable {
    /**
     * Adds a chunk. A recipient whose number is already in the batch (stored, or added earlier in
     * this session, or earlier in this chunk) is not added again; the return value says how many
     * were added.
     *
     * <p>A store may make this wait while a concurrent session holds one of the same numbers
     * uncommitted (a unique index does), and then not add it.
     *
     * @param chunk the recipients to add
     * @return how many were added (duplicates excluded)
     * @throws IllegalStateException after {@link #commit()} or {@link #close()}
     */
    int add(List<NewRecipient> chunk);

    /**
     * Makes everything added visible at once. Returns the number stored: the sum of what
     * {@link #add} returned, less any number a concurrent import committed in the meantime (such
     * a number is not stored twice).
     *
     * @return how many recipients were stored
     * @throws io.batchcall.NotFoundException if the batch was deleted meanwhile (nothing is kept; a
     *     store may instead make the delete wait until the import has ended)
     * @throws IllegalStateException after an earlier {@link #commit()} or {@link #close()}
     */
    long commit();

    /** Discards everything added unless committed. Idempotent. */
    @Override
    void close();
}
