package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

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
}
