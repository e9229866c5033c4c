package io.batchcall.jdbc.internal;

import io.batchcall.credit.HoldState;
import io.batchcall.credit.Purse;
import io.batchcall.jdbc.Dialect;
import io.batchcall.model.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Stores what {@link io.batchcall.credit.CreditRules} decided, "if still as loaded": the purse
 * row only if it still holds the loaded amounts (it is locked, so this is a backstop), a new hold
 * or top-up row only if its key is still free, and a hold row's change only if the row is still
 * in the loaded state. Each method answers false when a guard failed: the caller rolls back and
 * decides again on fresh rows. On PostgreSQL the purse and the key's row are written by one
 * statement (a data-modifying CTE), so an operation costs one read and one write.
 */
final class LedgerWrites {
    private static final List<String> HOLD_COLUMNS = List.of("account_id", "hold_key", "currency", "amount_micros",
            "state", "charged_micros", "shortfall_micros", "created_at_us", "settled_at_us");
    private static final List<String> TOPUP_COLUMNS = List.of("account_id", "topup_key", "currency", "amount_micros",
            "created_at_us");

    /** PostgreSQL: the purse and the key's row in one statement. */
    private final boolean oneStatement;
    private final String updatePurse;
    private final SqlDialect.InsertIfAbsent insertHold;
    private final String updateHold;
    private final SqlDialect.InsertIfAbsent insertTopUp;
    private final String purseAndNewHold;
    private final String purseAndHoldChange;
    private final String purseAndNewTopUp;

    LedgerWrites(Tables t, SqlDialect dialect) {
        this.oneStatement = dialect.dialect() == Dialect.POSTGRESQL;
        this.updatePurse = t.sql("UPDATE {p}credit_balances SET balance_micros = ?, held_micros = ? WHERE account_id = ? "
                + "AND currency = ? AND balance_micros = ? AND held_micros = ?");
        this.insertHold = dialect.insertIfAbsent(t.name("credit_holds"), HOLD_COLUMNS, List.of("account_id", "hold_key"));
        this.updateHold = t.sql("UPDATE {p}credit_holds SET state = ?, currency = ?, charged_micros = ?, "
                + "shortfall_micros = ?, settled_at_us = ? WHERE account_id = ? AND hold_key = ? AND state = ?");
        this.insertTopUp = dialect.insertIfAbsent(t.name("credit_topups"), TOPUP_COLUMNS,
                List.of("account_id", "topup_key"));
        String purse = "WITH b AS (" + updatePurse + " RETURNING 1) ";
        this.purseAndNewHold = t.sql(purse + "INSERT INTO {p}credit_holds (" + String.join(", ", HOLD_COLUMNS)
                + ") SELECT ?, ?, ?, CAST(? AS BIGINT), ?, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
                + "CAST(? AS BIGINT) FROM b ON CONFLICT (account_id, hold_key) DO NOTHING");
        this.purseAndHoldChange = purse + updateHold + " AND EXISTS (SELECT 1 FROM b)";
        this.purseAndNewTopUp = t.sql(purse + "INSERT INTO {p}credit_topups (" + String.join(", ", TOPUP_COLUMNS)
                + ") SELECT ?, ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM b ON CONFLICT (account_id, topup_key) DO NOTHING");
    }

    /** Stores one key's decision: its new state and, if it changed, the purse. */
    boolean hold(Connection c, String account, String key, Purse before, Purse after, HoldState was, HoldState now,
            long nowMicros) throws SQLException {
        boolean purseChanged = after != null && !after.equals(before);
        if (now.equals(was)) {
            return !purseChanged || purse(c, account, before, after);
        }
        boolean insert = was instanceof HoldState.Absent;
        Object[] row = insert ? newHold(account, key, now, nowMicros) : holdChange(account, key, was, now, nowMicros);
        if (oneStatement) {
            // the purse's guard holds even when it does not change: its row is locked
            Object[] args = concat(purseArgs(account, before, purseChanged ? after : before), row);
            return Sql.update(c, insert ? purseAndNewHold : purseAndHoldChange, args) == 1;
        }
        if (purseChanged && !purse(c, account, before, after)) {
            return false;
        }
        return insert ? Sql.update(c, insertHold.sql(), insertHold.args(row)) == 1
                : Sql.update(c, updateHold, row) == 1;
    }

    /** Stores a top-up that was applied: the new purse and the used key. */
    boolean topUp(Connection c, String account, String key, Money amount, Purse before, Purse after, long nowMicros)
            throws SQLException {
        Object[] row = {account, key, amount.currency().getCurrencyCode(), amount.micros(), nowMicros};
        if (oneStatement) {
            return Sql.update(c, purseAndNewTopUp, concat(purseArgs(account, before, after), row)) == 1;
        }
        return purse(c, account, before, after) && Sql.update(c, insertTopUp.sql(), insertTopUp.args(row)) == 1;
    }

    /**
     * Stores a group's decisions on one purse: the purse once, then every changed key (new rows in
     * one batch, changed rows in another).
     */
    boolean group(Connection c, String account, Purse before, Purse after, Map<String, HoldState> was,
            Map<String, HoldState> now, long nowMicros) throws SQLException {
        if (!after.equals(before) && !purse(c, account, before, after)) {
            return false;
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<String, HoldState> e : now.entrySet()) {
            HoldState old = was.getOrDefault(e.getKey(), HoldState.ABSENT);
            if (e.getValue().equals(old)) {
                continue;
            }
            if (old instanceof HoldState.Absent) {
                inserts.add(insertHold.args(newHold(account, e.getKey(), e.getValue(), nowMicros)));
            } else {
                updates.add(holdChange(account, e.getKey(), old, e.getValue(), nowMicros));
            }
        }
        return batch(c, insertHold.sql(), inserts) && batch(c, updateHold, updates);
    }

    private static boolean batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Sql.bind(ps, row);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                if (n == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private boolean purse(Connection c, String account, Purse before, Purse after) throws SQLException {
        return Sql.update(c, updatePurse, purseArgs(account, before, after)) == 1;
    }

    private static Object[] purseArgs(String account, Purse before, Purse after) {
        return new Object[] {after.balanceMicros(), after.heldMicros(), account, before.currency().getCurrencyCode(),
            before.balanceMicros(), before.heldMicros()};
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    /** The columns of a new row: an open hold, or a capture without a hold (amount 0, settled now). */
    private static Object[] newHold(String account, String key, HoldState state, long nowMicros) {
        if (state instanceof HoldState.Open open) {
            return new Object[] {account, key, open.amount().currency().getCurrencyCode(), open.amount().micros(),
                state.name(), null, null, nowMicros, null};
        }
        if (state instanceof HoldState.Captured done) {
            return new Object[] {account, key, done.charged().currency().getCurrencyCode(), 0L, state.name(),
                done.charged().micros(), done.shortfall().micros(), nowMicros, nowMicros};
        }
        throw new IllegalStateException("a new credit hold row cannot be " + state);
    }

    /** The arguments of {@code updateHold} for a row leaving state {@code was}: captured (with the result) or released. */
    private static Object[] holdChange(String account, String key, HoldState was, HoldState now, long nowMicros) {
        if (now instanceof HoldState.Captured done) {
            return new Object[] {now.name(), done.charged().currency().getCurrencyCode(), done.charged().micros(),
                done.shortfall().micros(), nowMicros, account, key, was.name()};
        }
        if (now instanceof HoldState.Released released) {
            return new Object[] {now.name(), released.amount().currency().getCurrencyCode(), null, null, nowMicros,
                account, key, was.name()};
        }
        throw new IllegalStateException("a credit hold row cannot change from " + was + " to " + now);
    }
}
