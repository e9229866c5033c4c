package io.batchcall.jdbc.internal;

import io.batchcall.credit.HoldState;
import io.batchcall.credit.Purse;
import io.batchcall.model.Money;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the ledger's rows as the core's values: an account's {@link Purse} (its balance row,
 * locked {@code FOR UPDATE} and created on first use) and the stored {@link HoldState} of hold
 * keys. A purse and the key it is needed with are read in one statement; the key's row is not
 * locked, so a write that depends on it is guarded by its state (see {@link LedgerWrites}).
 */
final class LedgerRows {
    private static final String HOLD_COLUMNS = "h.state, h.currency, h.amount_micros, h.charged_micros, h.shortfall_micros";

    /** A purse and what is stored for one key with it. */
    record Loaded(Purse purse, HoldState state) {
    }

    private final String purseAndHold;
    private final String purseAndTopUp;
    private final String holdAndItsPurse;
    private final String readPurse;
    private final String purseAndHolds;
    private final String purseAndHoldsTail;
    private final SqlDialect.InsertIfAbsent createPurse;

    LedgerRows(Tables t, SqlDialect dialect) {
        this.purseAndHold = t.sql("SELECT b.balance_micros, b.held_micros, " + HOLD_COLUMNS + " FROM {p}credit_balances b "
                + "LEFT JOIN {p}credit_holds h ON h.account_id = b.account_id AND h.hold_key = ? "
                + "WHERE b.account_id = ? AND b.currency = ? FOR UPDATE OF b");
        this.purseAndTopUp = t.sql("SELECT b.balance_micros, b.held_micros, t.topup_key FROM {p}credit_balances b "
                + "LEFT JOIN {p}credit_topups t ON t.account_id = b.account_id AND t.topup_key = ? "
                + "WHERE b.account_id = ? AND b.currency = ? FOR UPDATE OF b");
        this.holdAndItsPurse = t.sql("SELECT b.balance_micros, b.held_micros, " + HOLD_COLUMNS + " FROM {p}credit_holds h "
                + "JOIN {p}credit_balances b ON b.account_id = h.account_id AND b.currency = h.currency "
                + "WHERE h.account_id = ? AND h.hold_key = ? FOR UPDATE OF b");
        this.readPurse = t.sql("SELECT balance_micros, held_micros FROM {p}credit_balances WHERE account_id = ? "
                + "AND currency = ?");
        // The keys as a derived table joined to the holds: each is a lookup by the holds' key, where
        // "hold_key IN (…)" makes H2 walk every hold of the account.
        this.purseAndHolds = t.sql("SELECT b.balance_micros, b.held_micros, " + HOLD_COLUMNS + ", h.hold_key "
                + "FROM {p}credit_balances b CROSS JOIN (VALUES ");
        this.purseAndHoldsTail = t.sql(") AS k(hold_key) LEFT JOIN {p}credit_holds h ON h.account_id = b.account_id "
                + "AND h.hold_key = k.hold_key WHERE b.account_id = ? AND b.currency = ? FOR UPDATE OF b");
        this.createPurse = dialect.insertIfAbsent(t.name("credit_balances"),
                List.of("account_id", "currency", "balance_micros", "held_micros"), List.of("account_id", "currency"));
    }

    /** Locks the purse of {@code currency} (creating it if needed) and reads {@code key}'s hold, in one statement. */
    Loaded purseAndHold(Connection c, String account, String key, Currency currency) throws SQLException {
        Sql.Row<Loaded> row = rs -> new Loaded(purse(rs, currency), state(rs, 3));
        Optional<Loaded> found = Sql.first(c, purseAndHold, row, key, account, currency.getCurrencyCode());
        if (found.isEmpty()) {
            createPurse(c, account, currency);
            found = Sql.first(c, purseAndHold, row, key, account, currency.getCurrencyCode());
        }
        return found.orElseThrow(() -> vanished(account, currency));
    }

    /** Locks the purse of {@code currency} (creating it if needed) and says whether the top-up key was used. */
    Map.Entry<Purse, Boolean> purseAndTopUp(Connection c, String account, String key, Currency currency)
            throws SQLException {
        Sql.Row<Map.Entry<Purse, Boolean>> row = rs -> Map.entry(purse(rs, currency), rs.getString(3) != null);
        Optional<Map.Entry<Purse, Boolean>> found = Sql.first(c, purseAndTopUp, row, key, account,
                currency.getCurrencyCode());
        if (found.isEmpty()) {
            createPurse(c, account, currency);
            found = Sql.first(c, purseAndTopUp, row, key, account, currency.getCurrencyCode());
        }
        return found.orElseThrow(() -> vanished(account, currency));
    }

    /** Reads {@code key}'s hold and locks the purse of its currency; empty if nothing is stored for the key. */
    Optional<Loaded> holdAndItsPurse(Connection c, String account, String key) throws SQLException {
        return Sql.first(c, holdAndItsPurse, rs -> new Loaded(purse(rs, Currency.getInstance(rs.getString(4))),
                state(rs, 3)), account, key);
    }

    /**
     * Locks the purse of {@code currency} (creating it if needed) and reads the stored state of
     * each of {@code keys} that has a row, in one statement.
     */
    Map.Entry<Purse, Map<String, HoldState>> purseAndHolds(Connection c, String account, Currency currency,
            List<String> keys) throws SQLException {
        String sql = purseAndHolds + String.join(", ", java.util.Collections.nCopies(keys.size(), "(CAST(? AS VARCHAR(255)))"))
                + purseAndHoldsTail;
        Object[] args = new Object[keys.size() + 2];
        for (int i = 0; i < keys.size(); i++) {
            args[i] = keys.get(i);
        }
        args[keys.size()] = account;
        args[keys.size() + 1] = currency.getCurrencyCode();
        Sql.Row<Object[]> row = rs -> new Object[] {purse(rs, currency), rs.getString(8), state(rs, 3)};
        List<Object[]> found = Sql.list(c, sql, row, args);
        if (found.isEmpty()) {
            createPurse(c, account, currency);
            found = Sql.list(c, sql, row, args);
        }
        if (found.isEmpty()) {
            throw vanished(account, currency);
        }
        Map<String, HoldState> holds = new HashMap<>();
        for (Object[] r : found) {
            if (r[1] != null) {
                holds.put((String) r[1], (HoldState) r[2]);
            }
        }
        return Map.entry((Purse) found.get(0)[0], holds);
    }

    /** The purse of {@code currency} as committed, not locked; empty if the account never used it. */
    Purse readPurse(Connection c, String account, Currency currency) throws SQLException {
        return Sql.first(c, readPurse, rs -> purse(rs, currency), account, currency.getCurrencyCode())
                .orElse(Purse.empty(currency));
    }

    private void createPurse(Connection c, String account, Currency currency) throws SQLException {
        try {
            Sql.update(c, createPurse.sql(), createPurse.args(account, currency.getCurrencyCode(), 0L, 0L));
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // H2's insert-if-absent can lose a race; the row exists then
                throw e;
            }
        }
    }

    private static SQLException vanished(String account, Currency currency) {
        return new SQLException("the " + currency + " balance row of " + account + " vanished", "40001");
    }

    private static Purse purse(ResultSet rs, Currency currency) throws SQLException {
        return new Purse(currency, rs.getLong(1), rs.getLong(2));
    }

    /** The hold whose columns start at {@code first}: state, currency, amount, charged, shortfall. */
    private static HoldState state(ResultSet rs, int first) throws SQLException {
        String state = rs.getString(first);
        if (state == null) {
            return HoldState.ABSENT;
        }
        Currency currency = Currency.getInstance(rs.getString(first + 1));
        return switch (state) {
            case "open" -> new HoldState.Open(Money.ofMicros(rs.getLong(first + 2), currency));
            case "released" -> new HoldState.Released(Money.ofMicros(rs.getLong(first + 2), currency));
            case "captured" -> new HoldState.Captured(Money.ofMicros(rs.getLong(first + 3), currency),
                    Money.ofMicros(rs.getLong(first + 4), currency));
            default -> throw new SQLException("unknown credit hold state '" + state + "'", "XX000");
        };
    }
}
