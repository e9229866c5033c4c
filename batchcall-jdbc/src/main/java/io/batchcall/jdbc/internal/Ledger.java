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

    public Optional<Hold> hold(AccountId account, Money amount, String key) {
        return jdbc.inTransaction("holding " + amount + " for " + account + " under '" + key + "'", c -> {
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
        });
    }

    public Capture capture(AccountId account, String key, Money actual) {
        return jdbc.inTransaction("capturing " + actual + " for " + account + " under '" + key + "'", c -> {
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
        });
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
