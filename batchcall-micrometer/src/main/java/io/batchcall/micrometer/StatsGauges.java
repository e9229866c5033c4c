package io.batchcall.micrometer;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchStatus;
import io.batchcall.spi.EngineStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read from {@link EngineStats}. {@link #refresh()} queries the store once and every
 * gauge reads that snapshot, so a scrape never queries the store. Before the first refresh, and
 * for figures the store cannot count, a gauge reads NaN.
 */
final class StatsGauges {
    private static final Logger LOG = LoggerFactory.getLogger(StatsGauges.class);

    private record Snapshot(Map<AccountId, Integer> active, Map<BatchStatus, Long> batches, OptionalLong holds,
            OptionalLong settlements) {
    }

    private final EngineStats stats;
    private final int accountLimit;
    private volatile Snapshot last;
    private MultiGauge perAccount;

    StatsGauges(EngineStats stats, int accountLimit) {
        this.stats = stats;
        this.accountLimit = accountLimit;
    }

    void register(MeterRegistry registry, Tags common) {
        Gauge.builder("batchcall.calls.active", this, g -> g.read(s -> s.active().values().stream()
                        .mapToInt(Integer::intValue).sum()))
                .description("Calls in flight (calling, initiated, ringing, in progress, and reported inbound) "
                        + "of every account with a running or paused batch")
                .baseUnit("calls").tags(common).register(registry);
        for (BatchStatus status : List.of(BatchStatus.DRAFT, BatchStatus.SCHEDULED, BatchStatus.RUNNING,
                BatchStatus.PAUSED, BatchStatus.RECURRING)) {
            Gauge.builder("batchcall.batches", this, g -> g.read(s -> s.batches().getOrDefault(status, 0L)))
                    .description("Unfinished batches by status").baseUnit("batches")
                    .tags(common).tag("status", status.wireName()).register(registry);
        }
        Gauge.builder("batchcall.credit.holds.open", this, g -> g.read(s -> orNaN(s.holds())))
                .description("Credit holds placed and not yet captured or released (NaN: the store cannot count them)")
                .baseUnit("holds").tags(common).register(registry);
        Gauge.builder("batchcall.settlements.pending", this, g -> g.read(s -> orNaN(s.settlements())))
                .description("Ended calls whose cost is not settled yet (NaN: the store cannot count them)")
                .baseUnit("calls").tags(common).register(registry);
        if (accountLimit > 0) {
            perAccount = MultiGauge.builder("batchcall.account.calls.active")
                    .description("Calls in flight of the most active accounts; the rest summed as account=other")
                    .baseUnit("calls").tags(common).register(registry);
        }
    }

    /** Reads the store now; a failure keeps the previous snapshot and is logged. */
    void refresh() {
        Snapshot s;
        try {
            s = new Snapshot(stats.activeCallsByAccount(), stats.unfinishedBatches(), stats.creditHoldsOpen(),
                    stats.settlementsPending());
        } catch (RuntimeException e) {
            LOG.warn("batchcall gauges: reading the store failed; gauges keep their last values", e);
            return;
        }
        last = s;
        if (perAccount != null) {
            perAccount.register(topAccounts(s.active()), true);
        }
    }

    private List<MultiGauge.Row<?>> topAccounts(Map<AccountId, Integer> active) {
        List<Map.Entry<AccountId, Integer>> sorted = new ArrayList<>(active.entrySet());
        sorted.sort(Map.Entry.<AccountId, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().value()));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        int other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < accountLimit) {
                rows.add(MultiGauge.Row.of(Tags.of("account", sorted.get(i).getKey().value()),
                        sorted.get(i).getValue()));
            } else {
                other += sorted.get(i).getValue();
            }
        }
        rows.add(MultiGauge.Row.of(Tags.of("account", AccountTags.OTHER), other));
        return rows;
    }

    private double read(java.util.function.ToDoubleFunction<Snapshot> f) {
        Snapshot s = last;
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    private static double orNaN(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : Double.NaN;
    }
}
