package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Hold;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The credit ledger across pools and nodes (the contract suites cover one pool): group commits,
 * and decisions taken again when another node changed a key's row after it was read.
 */
abstract class LedgerJdbcTest {
    DataSource ds;

    abstract TestDb db();

    private static final AccountId ACME = AccountId.of("acme");
    private static final Currency USD = Currency.getInstance("USD");

    CreditLedger ledger() {
        ds = db().fresh();
        return JdbcBackend.builder(ds).migrate(true).build().ledger();
    }

    @Test
    void concurrentHoldsFromTwoPoolsNeverOverdraw() throws Exception {
        CreditLedger first = ledger();
        CreditLedger second = JdbcBackend.builder(db().anotherPool(ds, 4)).build().ledger();
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

    /**
     * Another node holds the same key while this hold waits for the balance row: the row this
     * hold read with the balance is stale when the lock is granted, so its insert finds the key
     * taken, and the hold is decided again — answering the other node's hold, reserving nothing.
     */
    @Test
    void aHoldDecidedOnAStaleKeyIsDecidedAgain() throws Exception {
        CreditLedger ledger = ledger();
        ledger.topUp(ACME, Money.usd("1.00"), "seed");
        Optional<Hold> mine = whileAnotherNodeCommits(() -> ledger.hold(ACME, Money.usd("0.50"), "k"),
                "UPDATE bc_credit_balances SET held_micros = held_micros + 300000 WHERE account_id = 'acme'",
                "INSERT INTO bc_credit_holds (account_id, hold_key, currency, amount_micros, state, created_at_us) "
                        + "VALUES ('acme', 'k', 'USD', 300000, 'open', 0)");
        assertThat(mine).contains(new Hold(ACME, "k", Money.usd("0.30")));
        assertThat(ledger.available(ACME, USD)).isEqualTo(Money.usd("0.70"));
    }

    /** The same for a capture: another node captured the hold meanwhile, so this capture answers its result. */
    @Test
    void aCaptureDecidedOnAStaleKeyIsDecidedAgain() throws Exception {
        CreditLedger ledger = ledger();
        ledger.topUp(ACME, Money.usd("1.00"), "seed");
        ledger.hold(ACME, Money.usd("0.30"), "k");
        Capture mine = whileAnotherNodeCommits(() -> ledger.capture(ACME, "k", Money.usd("0.25")),
                "UPDATE bc_credit_balances SET held_micros = held_micros - 300000, "
                        + "balance_micros = balance_micros - 200000 WHERE account_id = 'acme'",
                "UPDATE bc_credit_holds SET state = 'captured', charged_micros = 200000, shortfall_micros = 0 "
                        + "WHERE account_id = 'acme' AND hold_key = 'k'");
        assertThat(mine).isEqualTo(new Capture(Money.usd("0.20"), Money.zero(USD)));
        assertThat(ledger.available(ACME, USD)).isEqualTo(Money.usd("0.80"));
    }

    /** A top-up racing another node's top-up with the same key adds once. */
    @Test
    void aTopUpDecidedOnAStaleKeyIsDecidedAgain() throws Exception {
        CreditLedger ledger = ledger();
        ledger.topUp(ACME, Money.usd("1.00"), "seed");
        whileAnotherNodeCommits(() -> {
            ledger.topUp(ACME, Money.usd("5.00"), "t2");
            return null;
        }, "UPDATE bc_credit_balances SET balance_micros = balance_micros + 2000000 WHERE account_id = 'acme'",
                "INSERT INTO bc_credit_topups (account_id, topup_key, currency, amount_micros, created_at_us) "
                        + "VALUES ('acme', 't2', 'USD', 2000000, 0)");
        assertThat(ledger.available(ACME, USD)).isEqualTo(Money.usd("3.00"));
    }

    /**
     * Runs {@code statements} in another transaction that holds the balance row, starts
     * {@code call}, waits until it waits for that row's lock, commits, and returns its answer.
     */
    private <T> T whileAnotherNodeCommits(Callable<T> call, String... statements) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                for (String sql : statements) {
                    s.executeUpdate(sql);
                }
            }
            Future<T> mine = pool.submit(call);
            awaitLockWait(mine);
            other.commit();
            return mine.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitLockWait(Future<?> call) throws Exception {
        String waiting = db().dialect() == Dialect.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery(waiting)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(call).as("the call finished without waiting for the balance row").isNotDone();
                assertThat(System.nanoTime()).as("the call waits for the balance row's lock").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }
}
