package io.batchcall.jdbc.internal;

import io.batchcall.StorageException;
import io.batchcall.credit.CreditRules;
import io.batchcall.credit.Decision;
import io.batchcall.credit.HoldState;
import io.batchcall.credit.Purse;
import io.batchcall.credit.Refusal;
import io.batchcall.credit.TopUpDecision;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.Hold;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * The credit ledger on JDBC. Each operation loads the account's purse in its currency — the
 * balance row, locked {@code FOR UPDATE} and created on first use — together with the key's row
 * in one statement, lets {@link CreditRules} decide, and stores the decision guarded by what it
 * loaded ({@link LedgerWrites}); if a guard fails (a concurrent writer changed the key's row
 * after this statement's snapshot) the transaction is rolled back and decided again. Checks and
 * changes of one purse are serialised on every node; each transaction locks one balance row only,
 * so they cannot deadlock. Idempotency comes from the primary keys {@code (account_id, topup_key)}
 * and {@code (account_id, hold_key)}; a CHECK constraint backs up "never below zero". Holds and
 * captures go through the account's group commit ({@link LedgerGroups}).
 */
public final class Ledger {
    /** Decisions taken again at most this often when rows changed under them. */
    private static final int ATTEMPTS = 8;
    private static final Object STALE = new Object();

    private final Jdbc jdbc;
    private final Clock clock;
    private final LedgerRows rows;
    private final LedgerWrites writes;
    private final LedgerGroups groups;

    public Ledger(Jdbc jdbc, Tables t, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rows = new LedgerRows(t, dialect);
        this.writes = new LedgerWrites(t, dialect);
        this.groups = new LedgerGroups(jdbc, rows, writes, clock);
    }

    /** Holds through the account's group commit (see {@link LedgerGroups}). */
    public Optional<Hold> hold(AccountId account, Money amount, String key) {
        return groups.submit(account, new LedgerGroups.Op(true, key, amount, () -> holdAlone(account, amount, key)));
    }

    /** Captures through the account's group commit (see {@link LedgerGroups}). */
    public Capture capture(AccountId account, String key, Money actual) {
        return groups.submit(account, new LedgerGroups.Op(false, key, actual, () -> captureAlone(account, key, actual)));
    }

    /** Holds and captures applied in groups of two or more so far (for tests and diagnostics). */
    public long groupedOperations() {
        return groups.grouped();
    }

    private Optional<Hold> holdAlone(AccountId account, Money amount, String key) {
        return decide(account, "holding " + amount + " for " + account + " under '" + key + "'", c -> {
            LedgerRows.Loaded l = rows.purseAndHold(c, account.value(), key, amount.currency());
            return store(c, account, key, l.purse(), l.state(),
                    CreditRules.hold(account, key, amount, l.purse(), l.state()));
        });
    }

    private Capture captureAlone(AccountId account, String key, Money actual) {
        return decide(account, "capturing " + actual + " for " + account + " under '" + key + "'", c -> {
            LedgerRows.Loaded l = rows.purseAndHold(c, account.value(), key, actual.currency());
            return store(c, account, key, l.purse(), l.state(),
                    CreditRules.capture(account, key, actual, l.purse(), l.state()));
        });
    }

    /** Releases the open hold of {@code key}, if any, locking the purse of the hold's currency. */
    public void release(AccountId account, String key) {
        decide(account, "releasing the hold '" + key + "' of " + account, c -> {
            Optional<LedgerRows.Loaded> l = rows.holdAndItsPurse(c, account.value(), key);
            Purse purse = l.map(LedgerRows.Loaded::purse).orElse(null);
            HoldState state = l.map(LedgerRows.Loaded::state).orElse(HoldState.ABSENT);
            return store(c, account, key, purse, state, CreditRules.release(account, key, purse, state));
        });
    }

    public void topUp(AccountId account, Money amount, String key) {
        decide(account, "topping up " + account + " by " + amount + " under '" + key + "'", c -> {
            Map.Entry<Purse, Boolean> l = rows.purseAndTopUp(c, account.value(), key, amount.currency());
            TopUpDecision d = CreditRules.topUp(account, key, amount, l.getKey(), l.getValue());
            d.throwIfRefused();
            if (!d.applied()) {
                return Boolean.FALSE;
            }
            return writes.topUp(c, account.value(), key, amount, l.getKey(), d.purse(), Micros.of(clock.instant()))
                    ? Boolean.TRUE : STALE;
        });
    }

    /** Top-ups minus captures minus open holds, as committed; one statement. */
    public Money available(AccountId account, Currency currency) {
        return jdbc.statement(account.value(), "reading the credit of " + account,
                c -> rows.readPurse(c, account.value(), currency).available());
    }

    /**
     * The decision's answer once stored; {@link #STALE} if a guard failed or the rules found the
     * key's row older than the purse; any other refusal is thrown (and rolls back).
     */
    private Object store(Connection c, AccountId account, String key, Purse purse, HoldState state, Decision<?> d)
            throws SQLException {
        if (d.refused() && d.refusal().reason() == Refusal.Reason.INCONSISTENT_INPUT) {
            return STALE;
        }
        Object answer = d.answerOrThrow();
        return writes.hold(c, account.value(), key, purse, d.purse(), state, d.hold(), Micros.of(clock.instant()))
                ? answer : STALE;
    }

    /** Runs {@code work} in a transaction, again on fresh rows while it answers {@link #STALE}. */
    @SuppressWarnings("unchecked")
    private <T> T decide(AccountId account, String what, SqlFunction<Object> work) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Object result = jdbc.inTransaction(account.value(), what, c -> {
                Object r = work.apply(c);
                if (r == STALE) {
                    c.rollback();
                }
                return r;
            });
            if (result != STALE) {
                return (T) result;
            }
        }
        throw new StorageException(what + " failed: its rows changed under it " + ATTEMPTS + " times in a row",
                true, null);
    }
}
