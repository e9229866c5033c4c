package io.batchcall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A batch to be created by a store, which assigns its id and sets its version to 1.
 *
 * @param parentId the series parent of a run, else null
 * @param occurrence the series occurrence index of a run, else -1; a store refuses a second
 *     batch with the same (parentId, occurrence)
 */
public record NewBatch(BatchSpec spec, BatchStatus status, BatchId parentId, long occurrence, Instant scheduledFor,
        Instant createdAt) {
    public NewBatch {
        Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        if ((parentId == null) != (occurrence < 0)) {
            throw new IllegalArgumentException("a series run needs both parentId and occurrence >= 0, but parentId was "
                    + parentId + " and occurrence " + occurrence);
        }
    }

    public static NewBatch draft(BatchSpec spec, Instant now) {
        return new NewBatch(spec, BatchStatus.DRAFT, null, -1, null, now);
    }
}
