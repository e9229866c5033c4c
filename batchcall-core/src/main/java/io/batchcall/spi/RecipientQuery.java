package io.batchcall.spi;

import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;

/**
 * A page of recipients in id order.
 *
 * @param status only this status; null for all
 * @param afterId only ids above this one; null from the start
 * @param limit at most this many, 1 to 10000
 */
public record RecipientQuery(RecipientStatus status, RecipientId afterId, int limit) {
    /**
     * Validates the components (see the record description).
     *
     * @param status only this status; null for all
     * @param afterId only ids above this one; null from the start
     * @param limit at most this many, 1 to 10000
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public RecipientQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, but was " + limit);
        }
    }

    /**
     * The first page of a batch's recipients, every status.
     *
     * @param limit page size, 1 to 10000
     * @return the query
     * @throws IllegalArgumentException if limit is outside 1-10000
     */
    public static RecipientQuery first(int limit) {
        return new RecipientQuery(null, null, limit);
    }
}
