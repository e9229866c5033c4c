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
    /**
     * Validates the components (see the record description).
     *
     * @param account only this account's batches; null for all
     * @param statuses only these statuses; empty for all
     * @param parentId only the runs of this series; null for no filter
     * @param topLevelOnly only batches that are not runs of a series (one-offs and series parents)
     * @param beforeId only ids below this one (the last id of the previous page); null from the top
     * @param limit at most this many, 1 to 1000
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public BatchQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, but was " + limit);
        }
        if (parentId != null && topLevelOnly) {
            throw new IllegalArgumentException("parentId and topLevelOnly exclude each other");
        }
    }

    /**
     * Batches of every account in the given statuses, from the top.
     *
     * @param statuses the statuses to list; null or empty for all
     * @param limit at most this many, 1 to 1000
     * @return the query
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    public static BatchQuery inStatus(Set<BatchStatus> statuses, int limit) {
        return new BatchQuery(null, statuses, null, false, null, limit);
    }

    /**
     * The runs of one recurring series, from the top.
     *
     * @param parent the series parent
     * @param limit at most this many, 1 to 1000
     * @return the query
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    public static BatchQuery runsOf(BatchId parent, int limit) {
        return new BatchQuery(null, Set.of(), parent, false, null, limit);
    }

    /**
     * The next page: the same filter, below the given id.
     *
     * @param id the last id of the previous page; null for the top
     * @return the query for the next page
     */
    public BatchQuery before(BatchId id) {
        return new BatchQuery(account, statuses, parentId, topLevelOnly, id, limit);
    }

    /**
     * Whether a batch passes this filter (ignoring the limit); in-memory stores use it.
     *
     * @param b the batch; not null
     * @return true when every given condition holds
     */
    public boolean matches(io.batchcall.model.Batch b) {
        return (account == null || account.equals(b.account()))
                && (statuses.isEmpty() || statuses.contains(b.status()))
                && (parentId == null || parentId.equals(b.parentId()))
                && (!topLevelOnly || b.parentId() == null)
                && (beforeId == null || b.id().value() < beforeId.value());
    }
}
