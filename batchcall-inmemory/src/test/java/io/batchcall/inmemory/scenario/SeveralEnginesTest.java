package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AccountLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Several engines (threads) on one store: the cap holds and nobody is dialed twice. */
class SeveralEnginesTest {
    private static final AccountLimits LIMITS = new AccountLimits(20, 2);

    @Test
    void threeEnginesShareOneStoreWithoutOverdialing() throws Exception {
        SimulationSettings sim = SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .withTalk(Duration.ofSeconds(5), Duration.ofSeconds(40)).withQuirks(true, true);
        // The test clock races ahead of the engines, so leases are long enough that no claim expires
        // while its dial is in progress (in production a lease is minutes and a dial takes milliseconds).
        try (Campaign c = new Campaign(MONDAY_9AM, sim, x -> x.nodeName("engine-0").lease(Duration.ofHours(1)).accountLimits(LIMITS)
                .staleCallAfter(Duration.ofHours(1)))) {
            c.fund("1000");
            List<Batch> batches = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batches.add(c.draft(spec("b" + i).build(), i * 1000, 700));
            }
            List<BatchCalls> engines = new ArrayList<>(List.of(c.calls));
            for (int i = 1; i < 3; i++) {
                engines.add(BatchCalls.builder(c.storage, c.carrier, c.ledger).clock(c.clock).nodeName("engine-" + i).lease(Duration.ofHours(1)).accountLimits(LIMITS).staleCallAfter(Duration.ofHours(1))
                        .tariff(io.batchcall.model.Tariff.of(io.batchcall.model.Money.usd("0.01"))).dialThreads(2)
                        .build());
            }
            batches.forEach(b -> c.calls.send(b.id()));
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (BatchCalls engine : engines) {
                Thread t = new Thread(() -> {
                    try {
                        while (!done.get()) {
                            engine.runOnce();
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }, "test-engine");
                threads.add(t);
                t.start();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (batches.stream().anyMatch(b -> c.status(b.id()) != BatchStatus.COMPLETED)) {
                assertThat(System.nanoTime()).as("campaign did not finish").isLessThan(deadline);
                c.clock.advance(Duration.ofMillis(200));
                c.carrier.deliverDue();
                assertThat(c.calls.activeCalls(ACCOUNT)).isLessThanOrEqualTo(18);
                assertThat(c.carrier.activeCalls(ACCOUNT)).isLessThanOrEqualTo(18);
                Thread.yield();
            }
            done.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertThat(failure.get()).isNull();
            assertThat(c.carrier.maxConcurrent(ACCOUNT)).isBetween(10, 18);
            assertThat(c.carrier.placedCalls()).hasSize(2100);
            c.assertEveryNumberDialedAtMostOnce();
            for (BatchCalls e : engines.subList(1, engines.size())) {
                e.close();
            }
        }
    }
}
