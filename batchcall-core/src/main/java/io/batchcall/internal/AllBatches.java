package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.BatchStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads every batch a query matches, page by page, however many there are: the engine's visits
 * have no hidden limit, and the oldest batches are visited first.
 */
final class AllBatches {
    private static final int PAGE = 1000;

    private AllBatches() {
    }

    /** Every match of {@code query} (its limit is ignored), oldest (lowest id) first. */
    static List<Batch> oldestFirst(BatchStore store, BatchQuery query) {
        List<Batch> all = new ArrayList<>();
        BatchQuery page = new BatchQuery(query.account(), query.statuses(), query.parentId(), query.topLevelOnly(),
                null, PAGE);
        while (true) {
            List<Batch> batch = store.find(page);
            all.addAll(batch);
            if (batch.size() < PAGE) {
                break;
            }
            page = page.before(batch.get(batch.size() - 1).id());
        }
        Collections.reverse(all);
        return all;
    }
}
