package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.CreditLedger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The credit ledger across pools (the contract suites cover one pool). */
abstract class LedgerJdbcTest extends JdbcTestBase {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Currency USD = Currency.getInstance("USD");

    CreditLedger ledger() {
        storage();
        return JdbcCreditLedger.builder(ds).build();
    }

    @Test
    void concurrentHoldsFromTwoPoolsNeverOverdraw() throws Exception {
        CreditLedger first = ledger();
        CreditLedger second = JdbcCreditLedger.builder(db().anotherPool(ds, 4)).build();
        first.topUp(ACME, Money.usd("0.10"), "seed");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> holds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CreditLedger l = i % 2 == 0 ? first : second;
            String key = "h" + i;
            holds.add(pool.submit(() -> l.hold(ACME, Money.usd("0.01"), key).isPresent()));
        }
        int granted = 0;
        for (Future<Boolean> f : holds) {
            granted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(10);
        assertThat(first.available(ACME, USD)).isEqualTo(Money.usd("0"));
    }

    /**
     * Many threads on one account: holds and captures are applied in group commits, and every
     * caller still gets the answer it would get alone — repeats answer the same, a hold of a
     * captured key fails alone, and the balance adds up.
     */
    @Test
    void groupCommitGivesEachCallerItsOwnAnswer() throws Exception {
        JdbcCreditLedger ledger = (JdbcCreditLedger) ledger();
        ledger.topUp(ACME, Money.usd("1.00"), "seed");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String key = "call-" + i;
            Money cost = Money.ofMicros(3_000 + (i % 7) * 2_500L, USD);
            results.add(pool.submit(() -> {
                boolean held = ledger.hold(ACME, Money.usd("0.01"), key).isPresent();
                if (held) {
                    assertThat(ledger.hold(ACME, Money.usd("0.01"), key)).as("a repeated hold answers the same")
                            .isPresent();
                }
                var first = ledger.capture(ACME, key, cost);
                assertThat(ledger.capture(ACME, key, cost)).as("a repeated capture answers the same").isEqualTo(first);
                assertThatThrownBy(() -> ledger.hold(ACME, Money.usd("0.01"), key))
                        .isInstanceOf(io.batchcall.IllegalStateTransitionException.class)
                        .hasMessageContaining(key);
                assertThat(first.charged().plus(first.shortfall())).isEqualTo(cost);
                return new long[] {first.charged().micros(), first.shortfall().micros()};
            }));
        }
        long charged = 0;
        long shortfall = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get(120, TimeUnit.SECONDS);
            charged += r[0];
            shortfall += r[1];
        }
        pool.shutdown();
        assertThat(ledger.available(ACME, USD).micros()).isEqualTo(1_000_000 - charged).isGreaterThanOrEqualTo(0);
        assertThat(shortfall).as("the costs exceed the credit, so some were short").isPositive();
        assertThat(ledger.groupedOperations()).as("concurrent callers were grouped").isPositive();
    }
}
