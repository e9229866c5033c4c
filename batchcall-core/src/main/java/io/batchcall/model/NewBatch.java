package io.batchcall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A batch to be created by a store, which assigns its id and sets its version to 1.
 *
 * @param parentId the series parent of a run, else null
 * @param occurrence the series occurrence index of a run, else -1; a store refuses a second
 *     batch with the same (parentId, occurrence)
 * @param spec what the user configured
 * @param status the initial status (draft for a user's batch; running or scheduled for a series run)
 * @param scheduledFor when a scheduled batch starts; null otherwise
 * @param createdAt when it is created, from the engine's clock
 */
public record NewBatch(BatchSpec spec, BatchStatus status, BatchId parentId, long occurrence, Instant scheduledFor,
        Instant createdAt) {
    /**
     * Validates the components (see the record description).
     *
     * @param spec what the user configured
     * @param status the initial status (draft for a user's batch; running or scheduled for a series run)
     * @param parentId the series parent of a run, else null
     * @param occurrence the series occurrence index of a run, else -1; a store refuses a second batch with
     *     the same (parentId, occurrence)
     * @param scheduledFor when a scheduled batch starts; null otherwise
     * @param createdAt when it is created, from the engine's clock
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of spec, status, createdAt is null
     */
    public NewBatch {
        Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        if ((parentId == null) != (occurrence < 0)) {
            throw new IllegalArgumentException("a series run needs both parentId and occurrence >= 0, but parentId was "
                    + parentId + " and occurrence " + occurrence);
        }
    }

    /**
     * A new draft batch: not part of a series, not scheduled.
     *
     * @param spec the user's configuration
     * @param now the creation instant, from the engine's clock
     * @return the batch to create
     */
    public static NewBatch draft(BatchSpec spec, Instant now) {
        return new NewBatch(spec, BatchStatus.DRAFT, null, -1, null, now);
    }
}
