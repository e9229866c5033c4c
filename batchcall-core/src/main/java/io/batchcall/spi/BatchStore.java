package io.batchcall.spi;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewBatch;
import java.util.List;
import java.util.Optional;

/**
 * Batches. Every write that changes a batch's status also appends a batch {@code StatusEvent} to
 * the {@link EventLog} in the same unit of work. Thread-safe.
 */
public interface BatchStore {
    /**
     * Stores a new batch with a fresh id and version 1.
     *
     * @throws DuplicateRunException if a run for the same (parent, occurrence) already exists
     */
    Batch create(NewBatch batch);

    Optional<Batch> find(BatchId id);

    /**
     * Replaces a batch if its stored version still equals {@code changed.version()}; the stored
     * and returned copy has version + 1.
     *
     * @throws ConcurrentUpdateException if the version differs (someone else changed it first)
     * @throws NotFoundException if the batch does not exist
     */
    Batch update(Batch changed);

    /**
     * Deletes a batch, its recipients and attempts, if its version still matches.
     *
     * @throws ConcurrentUpdateException if the version differs
     */
    void delete(BatchId id, long version);

    /** Batches matching the query, newest (highest id) first. */
    List<Batch> find(BatchQuery query);
}
