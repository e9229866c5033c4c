package io.batchcall.jdbc.internal;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.Hold;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The credit ledger. Every write locks the account's balance row for the currency
 * ({@code SELECT … FOR UPDATE}, the row created on first use), so checks and changes of one
 * account are serialised on every node; each transaction touches one balance row only, so they
 * cannot deadlock. Idempotency comes from the primary keys {@code (account_id, topup_key)} and
 * {@code (account_id, hold_key)}; a CHECK constraint backs up "never below zero".
 */
public final class Ledger {
    private final Jdbc jdbc;
    private final Tables t;
    private final Clock clock;
    private final String lock;
    private final SqlDialect.InsertIfAbsent createBalance;
    private final SqlDialect.InsertIfAbsent insertTopUp;
    private final String findHold;
    private final LedgerGroups groups;
    private final String reserve;
    private final String captureBalance;
    private final String captureHold;
    private final SqlDialect.InsertIfAbsent insertHold;

    public Ledger(Jdbc jdbc, Tables t, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.t = t;
        this.clock = clock;
        this.lock = t.sql("SELECT balance_micros, held_micros FROM {p}credit_balances WHERE account_id = ? "
                + "AND currency = ? FOR UPDATE");
        this.createBalance = dialect.insertIfAbsent(t.name("credit_balances"),
                List.of("account_id", "currency", "balance_micros", "held_micros"), List.of("account_id", "currency"));
        this.insertTopUp = dialect.insertIfAbsent(t.name("credit_topups"),
                List.of("account_id", "topup_key", "currency", "amount_micros", "created_at_us"),
                List.of("account_id", "topup_key"));
        this.reserve = t.sql("UPDATE {p}credit_balances SET held_micros = held_micros + ? WHERE account_id = ? "
                + "AND currency = ? AND balance_micros - held_micros >= ?");
        this.insertHold = dialect.insertIfAbsent(t.name("credit_holds"),
                List.of("account_id", "hold_key", "currency", "amount_micros", "state", "created_at_us"),
                List.of("account_id", "hold_key"));
        String openHold = "(SELECT amount_micros FROM {p}credit_holds WHERE account_id = ? AND hold_key = ? AND "
                + "state = 'open' AND currency = ?)";
        this.captureBalance = t.sql("UPDATE {p}credit_balances SET balance_micros = balance_micros - ?, held_micros = "
                + "held_micros - " + openHold + " WHERE account_id = ? AND currency = ? AND " + openHold + " IS NOT NULL "
                + "AND balance_micros - held_micros + " + openHold + " >= ?");
        this.captureHold = t.sql("UPDATE {p}credit_holds SET state = 'captured', charged_micros = ?, shortfall_micros = 0, "
                + "settled_at_us = ? WHERE account_id = ? AND hold_key = ? AND state = 'open' AND currency = ?");
        this.groups = new LedgerGroups(jdbc, t, clock, (c, account, currency) -> {
            Balance b = lockBalance(c, account, currency);
            return new long[] {b.balance(), b.held()};
        });
        this.findHold = t.sql("SELECT currency, amount_micros, state, charged_micros, shortfall_micros "
                + "FROM {p}credit_holds WHERE account_id = ? AND hold_key = ?");
    }

    private record Balance(long balance, long held) {
        long available() {
            return balance - held;
        }
    }

    private record StoredHold(Currency currency, long amount, String state, Long charged, Long shortfall) {
        boolean open() {
            return state.equals("open");
        }
    }

    /** How the group commit locks a balance row: its balance and held micros. */
    interface Locks {
        long[] lockBalance(Connection c, String account, Currency currency) throws SQLException;
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
        return jdbc.inTransaction("holding " + amount + " for " + account + " under '" + key + "'", c -> {
            if (reserve(c, account, amount, key)) {
                return Optional.of(new Hold(account, key, amount));
            }
            return holdLocked(c, account, amount, key);
        });
    }

    /**
     * The common case in two statements, the balance row locked only between the first and the
     * commit: reserve the amount if the balance covers it, then insert the hold if its key is new.
     * Anything else (no balance row yet, not enough credit, a known key) is rolled back and left
     * to {@link #holdLocked}.
     */
    private boolean reserve(Connection c, AccountId account, Money amount, String key) throws SQLException {
        if (Sql.update(c, reserve, amount.micros(), account.value(), amount.currency().getCurrencyCode(),
                amount.micros()) != 1) {
            return false;
        }
        try {
            if (Sql.update(c, insertHold.sql(), insertHold.args(account.value(), key,
                    amount.currency().getCurrencyCode(), amount.micros(), "open", Micros.of(clock.instant()))) == 1) {
                return true;
            }
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        c.rollback();
        return false;
    }

    private Optional<Hold> holdLocked(Connection c, AccountId account, Money amount, String key) throws SQLException {
        Balance b = lockBalance(c, account.value(), amount.currency());
        Optional<StoredHold> existing = findHold(c, account.value(), key);
        if (existing.isPresent() && existing.get().open()) {
            return Optional.of(new Hold(account, key, Money.ofMicros(existing.get().amount(),
                    existing.get().currency())));
        }
        if (existing.isPresent()) {
            throw new IllegalStateTransitionException("hold key '" + key + "' of account " + account
                    + " was already " + existing.get().state() + " and cannot be held again");
        }
        if (b.available() < amount.micros()) {
            return Optional.<Hold>empty();
        }
        changeBalance(c, account.value(), amount.currency(), 0, amount.micros());
        Sql.update(c, t.sql("INSERT INTO {p}credit_holds (account_id, hold_key, currency, amount_micros, state, "
                + "created_at_us) VALUES (?, ?, ?, ?, 'open', ?)"), account.value(), key,
                amount.currency().getCurrencyCode(), amount.micros(), Micros.of(clock.instant()));
        return Optional.of(new Hold(account, key, amount));
    }

    private Capture captureAlone(AccountId account, String key, Money actual) {
        return jdbc.inTransaction("capturing " + actual + " for " + account + " under '" + key + "'", c -> {
            if (captureCovered(c, account, key, actual)) {
                return new Capture(actual, Money.zero(actual.currency()));
            }
            return captureLocked(c, account, key, actual);
        });
    }

    /**
     * The common case in two statements: an open hold in the same currency, and credit for the
     * whole cost. The balance row is locked first, as everywhere in the ledger. The hold is read in
     * the first statement's snapshot, which a concurrent settlement of the same hold can make
     * stale: its state is checked again by the second statement (and a double release of its
     * amount is refused by the balance's CHECK), and either sends the work, rolled back, to
     * {@link #captureLocked}.
     */
    private boolean captureCovered(Connection c, AccountId account, String key, Money actual) throws SQLException {
        String currency = actual.currency().getCurrencyCode();
        Object[] hold = {account.value(), key, currency};
        Object[] args = new Object[13];
        args[0] = actual.micros();
        System.arraycopy(hold, 0, args, 1, 3);
        args[4] = account.value();
        args[5] = currency;
        System.arraycopy(hold, 0, args, 6, 3);
        System.arraycopy(hold, 0, args, 9, 3);
        args[12] = actual.micros();
        try {
            if (Sql.update(c, captureBalance, args) != 1) {
                return false;
            }
        } catch (SQLException e) {
            // A concurrent capture of the same hold settled it after this statement's snapshot: the
            // hold's amount was taken off twice and the balance's CHECK refused it.
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            c.rollback();
            return false;
        }
        if (Sql.update(c, captureHold, actual.micros(), Micros.of(clock.instant()), account.value(), key, currency) == 1) {
            return true;
        }
        c.rollback();
        return false;
    }

    private Capture captureLocked(Connection c, AccountId account, String key, Money actual) throws SQLException {
        Balance b = lockBalance(c, account.value(), actual.currency());
        Optional<StoredHold> h = findHold(c, account.value(), key);
        if (h.isPresent() && h.get().charged() != null) {
            StoredHold done = h.get();
            return new Capture(Money.ofMicros(done.charged(), done.currency()),
                    Money.ofMicros(done.shortfall(), done.currency()));
        }
        if (h.isPresent() && h.get().open() && !h.get().currency().equals(actual.currency())) {
            throw new IllegalArgumentException("capture for '" + key + "' must be in " + h.get().currency()
                    + " like its hold, but was " + actual);
        }
        long held = h.isPresent() && h.get().open() ? h.get().amount() : 0;
        long charged = Math.min(actual.micros(), b.available() + held);
        long shortfall = actual.micros() - charged;
        changeBalance(c, account.value(), actual.currency(), -charged, -held);
        long now = Micros.of(clock.instant());
        if (h.isPresent()) {
            Sql.update(c, t.sql("UPDATE {p}credit_holds SET state = 'captured', currency = ?, charged_micros = ?, "
                    + "shortfall_micros = ?, settled_at_us = ? WHERE account_id = ? AND hold_key = ? AND state = ?"),
                    actual.currency().getCurrencyCode(), charged, shortfall, now, account.value(), key,
                    h.get().state());
        } else {
            Sql.update(c, t.sql("INSERT INTO {p}credit_holds (account_id, hold_key, currency, amount_micros, state, "
                    + "charged_micros, shortfall_micros, created_at_us, settled_at_us) "
                    + "VALUES (?, ?, ?, 0, 'captured', ?, ?, ?, ?)"), account.value(), key,
                    actual.currency().getCurrencyCode(), charged, shortfall, now, now);
        }
        return new Capture(Money.ofMicros(charged, actual.currency()), Money.ofMicros(shortfall, actual.currency()));
    }

    public void release(AccountId account, String key) {
        jdbc.inTransaction("releasing the hold '" + key + "' of " + account, c -> {
            Optional<StoredHold> h = findHold(c, account.value(), key);
            if (h.isEmpty() || !h.get().open()) {
                return null;
            }
            lockBalance(c, account.value(), h.get().currency());
            int n = Sql.update(c, t.sql("UPDATE {p}credit_holds SET state = 'released', settled_at_us = ? "
                    + "WHERE account_id = ? AND hold_key = ? AND state = 'open'"), Micros.of(clock.instant()),
                    account.value(), key);
            if (n == 1) {
                changeBalance(c, account.value(), h.get().currency(), 0, -h.get().amount());
            }
            return null;
        });
    }

    public void topUp(AccountId account, Money amount, String key) {
        if (amount.isZero()) {
            throw new IllegalArgumentException("top-up amount must be positive, but was " + amount);
        }
        jdbc.inTransaction("topping up " + account + " by " + amount + " under '" + key + "'", c -> {
            lockBalance(c, account.value(), amount.currency());
            if (Sql.update(c, insertTopUp.sql(), insertTopUp.args(account.value(), key,
                    amount.currency().getCurrencyCode(), amount.micros(), Micros.of(clock.instant()))) == 1) {
                changeBalance(c, account.value(), amount.currency(), amount.micros(), 0);
            }
            return null;
        });
    }

    public Money available(AccountId account, Currency currency) {
        return jdbc.inTransaction("reading the credit of " + account, c -> Money.ofMicros(Sql.number(c,
                t.sql("SELECT balance_micros - held_micros FROM {p}credit_balances WHERE account_id = ? AND currency = ?"),
                account.value(), currency.getCurrencyCode()), currency));
    }

    private Balance lockBalance(Connection c, String account, Currency currency) throws SQLException {
        Optional<Balance> b = Sql.first(c, lock, rs -> new Balance(rs.getLong(1), rs.getLong(2)), account,
                currency.getCurrencyCode());
        if (b.isPresent()) {
            return b.get();
        }
        try {
            Sql.update(c, createBalance.sql(), createBalance.args(account, currency.getCurrencyCode(), 0L, 0L));
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // H2's MERGE can lose a race; the row exists then
                throw e;
            }
        }
        return Sql.first(c, lock, rs -> new Balance(rs.getLong(1), rs.getLong(2)), account, currency.getCurrencyCode())
                .orElseThrow(() -> new SQLException("balance row of " + account + " vanished", "40001"));
    }

    private void changeBalance(Connection c, String account, Currency currency, long balanceDelta, long heldDelta)
            throws SQLException {
        Sql.update(c, t.sql("UPDATE {p}credit_balances SET balance_micros = balance_micros + ?, "
                + "held_micros = held_micros + ? WHERE account_id = ? AND currency = ?"), balanceDelta, heldDelta,
                account, currency.getCurrencyCode());
    }

    private Optional<StoredHold> findHold(Connection c, String account, String key) throws SQLException {
        return Sql.first(c, findHold, rs -> new StoredHold(Currency.getInstance(rs.getString(1)), rs.getLong(2),
                rs.getString(3), Sql.longOrNull(rs, "charged_micros"), Sql.longOrNull(rs, "shortfall_micros")),
                account, key);
    }
}
