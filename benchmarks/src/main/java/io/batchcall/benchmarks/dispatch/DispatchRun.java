package io.batchcall.benchmarks.dispatch;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.EngineObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * batchcall's engines on one backend, each with its own simulated carrier (zero latency; 85%
 * answered, 10% busy, 5% failed, no "no answer": the simulator rings those for the whole ring
 * timeout) that delivers the status events of that engine's calls to that engine. A dial is
 * complete when its settlement is done (hold captured, cost recorded): an in-JVM counter of the
 * engines' observer says so, so no completion poll runs in the window; the batches' counts are
 * checked after it.
 */
final class DispatchRun implements AutoCloseable {
    private static final int CAP = 100;

    private final Backend backend;
    private final List<BatchCalls> nodes = new ArrayList<>();
    private final List<SimulatedTelephony> carriers = new ArrayList<>();
    private final LongAdder settled = new LongAdder();
    private final int accounts;
    private int nextNumber;

    DispatchRun(Backend backend, int engines, int accounts) throws Exception {
        this.backend = backend;
        this.accounts = accounts;
        Clock clock = Clock.systemUTC();
        EngineObserver observer = new EngineObserver() {
            @Override
            public void onSettlement(AccountId account, boolean done) {
                if (done) {
                    settled.increment();
                }
            }
        };
        for (int i = 0; i < engines; i++) {
            Backend.Node node = backend.node(i, clock);
            SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults()
                    .withRing(Duration.ZERO, Duration.ZERO).withTalk(Duration.ZERO, Duration.ZERO)
                    .withMix(85, 10, 0, 5).withSeed(i));
            BatchCalls calls = BatchCalls.builder(node.storage(), carrier, node.ledger()).clock(clock)
                    .nodeName("bench-" + i).tariff(Tariff.of(Money.usd("0.01")))
                    .pollInterval(Duration.ofMillis(Long.getLong("bench.pollMs", 10))).claimChunk(50)
                    .maxDialsPerStep(2000).dialThreads(8).observer(observer)
                    .accountLimits(new AccountLimits(CAP, 0)).build();
            carrier.connect(calls.statusSink());
            carriers.add(carrier);
            nodes.add(calls);
            if (i == 0) {
                for (int a = 0; a < accounts; a++) {
                    node.ledger().topUp(account(a), Money.usd("100000000"), "bench");
                }
            }
        }
        int threads = Math.max(4, 16 / engines);
        carriers.forEach(c -> c.start(Duration.ofMillis(1), threads));
        nodes.forEach(BatchCalls::start);
    }

    private static AccountId account(int i) {
        return AccountId.of("bench-" + i);
    }

    /**
     * Warm-up batches of {@code size} dials until the JIT compiled for less than 2% of a batch's wall
     * time (at most {@code maxRounds}); returns the rounds run.
     */
    int warmUp(int size, int maxRounds) throws Exception {
        for (int round = 1; round <= maxRounds; round++) {
            long c0 = Window.compileMillis();
            long t0 = System.nanoTime();
            run(size, false);
            double wall = (System.nanoTime() - t0) / 1e6;
            double compiled = Window.compileMillis() - c0;
            System.out.printf("  warm-up %d: %,d dials, JIT %.0f ms of %.0f ms%n", round, size, compiled, wall);
            if (compiled < 0.02 * wall) {
                return round;
            }
        }
        return maxRounds;
    }

    /**
     * One measured set of {@code n} dials (one batch per account, sent together): the batches are
     * created, the statistics refreshed and the statement profile started before the window opens.
     */
    Window.Measured measure(int n) throws Exception {
        return run(n, true);
    }

    private Window.Measured run(int n, boolean measured) throws Exception {
        BatchCalls first = nodes.get(0);
        List<Batch> batches = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            int size = n / accounts + (a < n % accounts ? 1 : 0);
            if (size > 0) {
                batches.add(createBatch(first, account(a), size));
            }
        }
        if (measured) {
            backend.analyze();
            backend.startProfile();
        }
        long target = settled.sum() + n;
        Window w = Window.start(measured ? backend.postmaster() : 0);
        batches.forEach(b -> first.send(b.id()));
        while (settled.sum() < target) {
            Thread.sleep(2);
        }
        Window.Measured m = w.stop(n);
        for (Batch b : batches) { // outside the window
            var counts = first.batch(b.id()).counts();
            while (counts.completed() + counts.failed() < counts.total()) {
                Thread.sleep(20);
                counts = first.batch(b.id()).counts();
            }
        }
        return m;
    }

    private Batch createBatch(BatchCalls calls, AccountId account, int n) {
        BatchSpec spec = BatchSpec.builder("bench", account, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).build();
        Batch batch = calls.createDraft(spec);
        List<NewRecipient> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(NewRecipient.of(new PhoneNumber("+1212" + (2_000_000 + nextNumber++)), "R" + i));
        }
        calls.addRecipients(batch.id(), list);
        return batch;
    }

    @Override
    public void close() {
        nodes.forEach(BatchCalls::close);
        carriers.forEach(SimulatedTelephony::close);
    }
}
