package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Hold;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The contract of {@link CreditLedger} under load and over random histories: concurrent holds
 * never overdraw, concurrent repeats of one key act once, concurrent histories add up, and random
 * sequences of top-ups, holds, captures and releases in two currencies answer exactly what the
 * core's {@link io.batchcall.credit.CreditRules} decide ({@link LedgerModel}). Subclass it and
 * implement {@link #newLedger()}; the property test uses a new account per example, so one
 * ledger serves the whole test.
 */
public abstract class CreditLedgerConcurrencyContract {
    private static final AccountId ACCOUNT = AccountId.of("acme");
    private static final Currency USD = Currency.getInstance("USD");
    private static final AtomicInteger EXAMPLES = new AtomicInteger();

    /** The ledger under test: a fresh one from {@link #newLedger()} before every test. */
    protected CreditLedger ledger;

    /** {@return a fresh, empty ledger; called before every test} */
    protected abstract CreditLedger newLedger();

    /** {@return the number of threads used by the concurrency tests; 8 by default} */
    protected int threads() {
        return 8;
    }

    /** {@return the number of random histories tried by the property test; 200 by default} */
    protected int examples() {
        return 200;
    }

    @BeforeEach
    final void createLedger() {
        ledger = newLedger();
    }

    private <T> List<T> inParallel(int tasks, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                Callable<T> t = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentHoldsNeverOverdraw() throws Exception {
        ledger.topUp(ACCOUNT, Money.usd("1.00"), "t1");
        List<Boolean> held = inParallel(threads() * 40,
                i -> () -> ledger.hold(ACCOUNT, Money.usd("0.01"), "hold-" + i).isPresent());
        assertThat(held.stream().filter(h -> h).count()).isEqualTo(100);
        assertThat(ledger.available(ACCOUNT, USD)).isEqualTo(Money.zero(USD));
    }

    @Test
    void concurrentRepeatsOfOneKeyActOnce() throws Exception {
        ledger.topUp(ACCOUNT, Money.usd("1.00"), "t1");
        List<Hold> holds = inParallel(threads() * 4,
                i -> () -> ledger.hold(ACCOUNT, Money.usd("0.30"), "same").orElseThrow());
        assertThat(Set.copyOf(holds)).hasSize(1);
        assertThat(ledger.available(ACCOUNT, USD)).isEqualTo(Money.usd("0.70"));
        List<Capture> captures = inParallel(threads() * 4,
                i -> () -> ledger.capture(ACCOUNT, "same", Money.usd("0.0" + (1 + i % 9))));
        assertThat(Set.copyOf(captures)).hasSize(1);
        Money charged = captures.get(0).charged();
        assertThat(ledger.available(ACCOUNT, USD)).isEqualTo(Money.usd("1.00").minus(charged));
        Set<Integer> topUps = ConcurrentHashMap.newKeySet();
        inParallel(threads() * 4, i -> () -> {
            ledger.topUp(ACCOUNT, Money.usd("5.00"), "t2");
            return topUps.add(i);
        });
        assertThat(ledger.available(ACCOUNT, USD)).isEqualTo(Money.usd("6.00").minus(charged));
    }

    @Test
    void randomHistoriesAgreeWithTheCoreRules() {
        // round amounts, one micro either side: exact fits and one-micro misses are common
        Gen<Integer> micros = integers().between(0, 40).zip(integers().between(-1, 1),
                (units, delta) -> Math.max(0, units * 10_000 + delta));
        // top-ups are rare, so the balance stays near the amounts held and captured
        Gen<Integer> kind = integers().between(0, 9).map(d -> d == 0 ? 0 : d <= 4 ? 1 : d <= 7 ? 2 : 3);
        // mostly one currency; the other one makes captures meet holds in another currency
        Gen<Integer> currency = integers().between(0, 7).map(d -> d == 0 ? 1 : 0);
        Gen<LedgerModel.Op> op = kind.zip(integers().between(0, 5), micros, currency, LedgerModel.Op::new);
        qt().withExamples(examples()).forAll(lists().of(op).ofSizeBetween(1, 60)).checkAssert(ops -> {
            AccountId account = AccountId.of("prop-" + EXAMPLES.incrementAndGet());
            LedgerModel model = new LedgerModel(ledger, account);
            for (LedgerModel.Op o : ops) {
                model.apply(o);
                for (Currency c : LedgerModel.CURRENCIES) {
                    assertThat(ledger.available(account, c)).as("%s available after %s in %s", c, o, ops)
                            .isEqualTo(model.expectedAvailable(c));
                }
            }
        });
    }

    /**
     * Concurrent histories of distinct keys on one account (each key held, then captured,
     * released or left open, by one task): every answer is consistent with the rules and the
     * balance adds up — top-ups minus what the captures say they charged minus the holds left open.
     */
    @Test
    void concurrentHistoriesAddUp() throws Exception {
        ledger.topUp(ACCOUNT, Money.usd("0.50"), "t1");
        List<long[]> results = inParallel(threads() * 30, i -> () -> {
            String key = "call-" + i;
            long cost = 2_000 + (i % 11) * 1_500L;
            boolean held = ledger.hold(ACCOUNT, Money.ofMicros(10_000, USD), key).isPresent();
            switch (i % 3) {
                case 0 -> {
                    Capture c = ledger.capture(ACCOUNT, key, Money.ofMicros(cost, USD));
                    assertThat(c.charged().micros() + c.shortfall().micros()).isEqualTo(cost);
                    assertThat(ledger.capture(ACCOUNT, key, Money.usd("9"))).isEqualTo(c);
                    return new long[] {c.charged().micros(), 0};
                }
                case 1 -> {
                    ledger.release(ACCOUNT, key);
                    return new long[] {0, 0};
                }
                default -> {
                    return new long[] {0, held ? 10_000 : 0};
                }
            }
        });
        long charged = results.stream().mapToLong(r -> r[0]).sum();
        long open = results.stream().mapToLong(r -> r[1]).sum();
        assertThat(ledger.available(ACCOUNT, USD).micros()).isEqualTo(500_000 - charged - open).isNotNegative();
    }
}
