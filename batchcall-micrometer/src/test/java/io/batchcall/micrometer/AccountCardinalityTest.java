package io.batchcall.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** 1,000 accounts dialing at once: account tags stay bounded to the top 20 plus "other". */
class AccountCardinalityTest {
    private static final int ACCOUNTS = 1000;
    private static final int LIMIT = 20;

    @Test
    void accountTagsStayBoundedWithAThousandAccounts() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (BatchCallsMetrics metrics = BatchCallsMetrics.builder().accountTags(LIMIT)
                .refreshEvery(Duration.ZERO).build()) {
            SimulatedCampaign c = new SimulatedCampaign(SimulatedCampaign.quickCalls(), b -> b.observer(metrics)
                    .claimChunk(1000));
            metrics.watch(c.calls.stats()).bindTo(registry);
            List<BatchId> batches = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                AccountId account = AccountId.of("tenant-" + i);
                c.fund(account, "1");
                // The busiest accounts have the most recipients, so they lead the active-calls gauge.
                int recipients = i < 5 ? 3 : 1;
                BatchId id = c.draft(account, i * 10, recipients).id();
                c.calls.send(id);
                batches.add(id);
            }
            c.step(Duration.ofMillis(100));
            metrics.refresh();

            java.util.Collection<Meter> active = registry.find("batchcall.account.calls.active").meters();
            assertThat(active).hasSize(LIMIT + 1);
            assertThat(registry.get("batchcall.account.calls.active").tag("account", "tenant-0").gauge().value())
                    .isEqualTo(3);
            double total = registry.get("batchcall.calls.active").gauge().value();
            assertThat(active.stream().mapToDouble(m -> m.measure().iterator().next().getValue()).sum())
                    .isEqualTo(total).isEqualTo(ACCOUNTS + 5 * 2);

            c.runToCompletion(batches);
            metrics.refresh();

            for (String name : List.of("batchcall.dials", "batchcall.call.outcomes", "batchcall.account.calls.active")) {
                assertThat(registry.find(name).meters().stream().map(m -> m.getId().getTag("account"))
                        .filter(Objects::nonNull).distinct().count()).as(name).isLessThanOrEqualTo(LIMIT + 1);
            }
            assertThat(registry.get("batchcall.dials").tag("account", "other").counter().count())
                    .isGreaterThanOrEqualTo(ACCOUNTS - LIMIT);
            assertThat(registry.find("batchcall.dials").counters().stream().mapToDouble(m -> m.count()).sum())
                    .isEqualTo(c.carrier.placedCalls().size());
            assertThat(registry.getMeters().size()).isLessThan(200);
        }
    }
}
