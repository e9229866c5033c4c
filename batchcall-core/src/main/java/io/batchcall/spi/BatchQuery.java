package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * A filter over batches, read newest first with keyset paging.
 *
 * @param account only this account's batches; null for all
 * @param statuses only these statuses; empty for all
 * @param parentId only the runs of this series; null for no filter
 * @param topLevelOnly only batches that are not runs of a series (one-offs and series parents)
 * @param beforeId only ids below this one (the last id of the previous page); null from the top
 * @param limit at most this many, 1 to 1000
 */
public record BatchQuery(AccountId account, Set<BatchStatus> statuses, BatchId parentId, boolean topLevelOnly,
        BatchId beforeId, int limit) {
    public BatchQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, but was " + limit);
        }
        if (parentId != null && topLevelOnly) {
            throw new IllegalArgumentException("parentId and topLevelOnly exclude each other");
        }
    }

    public static BatchQuery inStatus(Set<BatchStatus> statuses, int limit) {
        return new BatchQuery(null, statuses, null, false, null, limit);
    }

    public static BatchQuery runsOf(BatchId parent, int limit) {
        return new BatchQuery(null, Set.of(), parent, false, null, limit);
    }

    public BatchQuery before(BatchId id) {
        return new BatchQuery(account, statuses, parentId, topLevelOnly, id, limit);
    }

    public boolean matches(io.batchcall.model.Batch b) {
        return (account == null || account.equals(b.account()))
                && (statuses.isEmpty() || statuses.contains(b.status()))
                && (parentId == null || parentId.equals(b.parentId()))
                && (!topLevelOnly || b.parentId() == null)
                && (beforeId == null || b.id().value() < beforeId.value());
    }
}
