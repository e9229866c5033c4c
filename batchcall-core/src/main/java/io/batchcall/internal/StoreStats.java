package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.EngineStats;
import io.batchcall.spi.Storage;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link EngineStats} over the storage port's existing queries: batches are paged through
 * {@link BatchQuery} (1,000 a page) and active calls asked per account. Holds and pending
 * settlements need store queries the ports do not have yet, so they are reported as unknown.
 */
public final class StoreStats implements EngineStats {
    private static final Set<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.DRAFT, BatchStatus.SCHEDULED,
            BatchStatus.RUNNING, BatchStatus.PAUSED, BatchStatus.RECURRING);
    private static final int PAGE = 1000;

    private final Storage storage;

    public StoreStats(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<AccountId, Integer> activeCallsByAccount() {
        Set<AccountId> accounts = new LinkedHashSet<>();
        each(EnumSet.of(BatchStatus.RUNNING, BatchStatus.PAUSED), b -> accounts.add(b.account()));
        Map<AccountId, Integer> out = new LinkedHashMap<>();
        for (AccountId a : accounts) {
            int active = storage.calls().activeCalls(a);
            if (active > 0) {
                out.put(a, active);
            }
        }
        return out;
    }

    @Override
    public Map<BatchStatus, Long> unfinishedBatches() {
        Map<BatchStatus, Long> out = new EnumMap<>(BatchStatus.class);
        UNFINISHED.forEach(s -> out.put(s, 0L));
        each(UNFINISHED, b -> out.merge(b.status(), 1L, Long::sum));
        return out;
    }

    @Override
    public OptionalLong creditHoldsOpen() {
        return OptionalLong.empty();
    }

    @Override
    public OptionalLong settlementsPending() {
        return OptionalLong.empty();
    }

    private void each(Set<BatchStatus> statuses, Consumer<Batch> action) {
        BatchQuery q = BatchQuery.inStatus(statuses, PAGE);
        while (true) {
            List<Batch> page = storage.batches().find(q);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            q = q.before(page.get(page.size() - 1).id());
        }
    }
}
