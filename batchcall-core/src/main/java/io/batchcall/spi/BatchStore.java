package io.batchcall.spi;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewBatch;
import java.util.List;
import java.util.Optional;

/**
 * Batches. Thread-safe.
 *
 * <p>Events: {@link #create} appends a batch {@code StatusEvent} for the initial status (stamped
 * with {@code createdAt}); {@link #update} appends one, in the same unit of work, whenever the
 * batch's (status, detail) pair changes, stamped with the implementation's clock. The detail is
 * the pause reason's wire name for a paused batch, the failure reason for a failed one, and null
 * otherwise. {@link #delete} appends nothing and leaves earlier events in the log.
 *
 * <p>The store does not check the status state machine: the engine does, before it writes.
 */
public interface BatchStore {
    /**
     * Stores a new batch with a fresh id (higher than every id handed out before) and version 1;
     * pause reason, failure reason, startedAt and finishedAt are null.
     *
     * @param batch what to create
     * @return the stored batch with its id and version 1
     * @throws DuplicateRunException if a run for the same (parent, occurrence) already exists
     */
    Batch create(NewBatch batch);

    /**
     * One batch by id.
     *
     * @param id the batch
     * @return the batch, or empty if unknown
     */
    Optional<Batch> find(BatchId id);

    /**
     * Replaces a batch if its stored version still equals {@code changed.version()}; the stored
     * and returned copy has version + 1. The identity fields (id, parentId, occurrence, createdAt)
     * are fixed at creation: the stored values are kept whatever {@code changed} says.
     *
     * @param changed the batch as the engine wants it stored, carrying the version it loaded
     * @return the stored batch, version incremented
     * @throws ConcurrentUpdateException if the version differs (someone else changed it first)
     * @throws NotFoundException if the batch does not exist
     */
    Batch update(Batch changed);

    /**
     * Deletes a batch, its recipients and attempts, if its version still matches. Its
     * (parent, occurrence) pair becomes free again. Meant for drafts (which have no runs).
     *
     * @param id the batch
     * @param version the version the caller loaded
     * @throws ConcurrentUpdateException if the version differs
     * @throws NotFoundException if the batch does not exist
     */
    void delete(BatchId id, long version);

    /**
     * Batches matching the query, newest (highest id) first, at most {@code query.limit()}.
     *
     * @param query the filter and page
     * @return the matching batches
     */
    List<Batch> find(BatchQuery query);
}
