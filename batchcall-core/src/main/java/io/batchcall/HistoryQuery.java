package io.batchcall;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import java.util.Objects;
import java.util.Set;

/**
 * A page of the batch history, newest first. Runs of a recurring series are listed under
 * {@link BatchCalls#runs}, not here.
 *
 * @param account the account whose batches are listed (required: an operator's view of every
 *     account is {@link BatchCalls#historyOfAllAccounts})
 * @param statuses only these statuses; empty for all
 * @param beforeId the last id of the previous page, or null for the first page
 * @param limit page size, 1 to 1000
 */
public record HistoryQuery(AccountId account, Set<BatchStatus> statuses, BatchId beforeId, int limit) {
    /**
     * Validates the components (see the record description).
     *
     * @param account the account whose batches are listed (required: an operator's view of every account is
     *     {@link BatchCalls#historyOfAllAccounts})
     * @param statuses only these statuses; empty for all
     * @param beforeId the last id of the previous page, or null for the first page
     * @param limit page size, 1 to 1000
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if account is null
     */
    public HistoryQuery {
        Objects.requireNonNull(account, "account must not be null (operators list every account with "
                + "BatchCalls.historyOfAllAccounts)");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, but was " + limit);
        }
    }

    /**
     * The first page of one account's batches in every status.
     *
     * @param account the account; not null
     * @param limit page size, 1 to 1000
     * @return the query
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    public static HistoryQuery of(AccountId account, int limit) {
        return new HistoryQuery(account, Set.of(), null, limit);
    }

    /**
     * The same query restricted to some statuses.
     *
     * @param only the statuses to list; null or empty for all
     * @return the new query
     */
    public HistoryQuery withStatuses(Set<BatchStatus> only) {
        return new HistoryQuery(account, only, beforeId, limit);
    }

    /**
     * The next page of the same query.
     *
     * @param id the last id of the previous page; null for the first page
     * @return the new query
     */
    public HistoryQuery before(BatchId id) {
        return new HistoryQuery(account, statuses, id, limit);
    }
}
