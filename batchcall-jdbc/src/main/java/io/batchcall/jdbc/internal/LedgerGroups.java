package io.batchcall.jdbc.internal;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.Hold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit for holds and captures of one account: every one of them writes the account's
 * balance row, so they are serialised by its lock and each pays a commit while holding it. Here
 * concurrent callers on this node queue per (account, currency); whoever holds the group's lock
 * takes everything queued and applies it in one transaction — the balance row locked once, the
 * holds read in one query, each operation decided in order in memory exactly as alone, then one
 * balance update and batched hold writes. Each caller gets its own answer or exception; a
 * storage failure of the group makes each operation run alone, so one bad operation cannot fail
 * the others. A lone caller runs alone straight away.
 */
final class LedgerGroups {
    private static final int MAX_GROUP = 64;

    private final Jdbc jdbc;
    private final Tables t;
    private final Clock clock;
    private final Ledger.Locks locks;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final AtomicLong grouped = new AtomicLong();
    private final String insertHold;
    private final String updateHold;
    private final String changeBalance;

    LedgerGroups(Jdbc jdbc, Tables t, Clock clock, Ledger.Locks locks) {
        this.jdbc = jdbc;
        this.t = t;
        this.clock = clock;
        this.locks = locks;
        this.insertHold = t.sql("INSERT INTO {p}credit_holds (account_id, hold_key, currency, amount_micros, state, "
                + "charged_micros, shortfall_micros, created_at_us, settled_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.updateHold = t.sql("UPDATE {p}credit_holds SET state = ?, currency = ?, charged_micros = ?, "
                + "shortfall_micros = ?, settled_at_us = ? WHERE account_id = ? AND hold_key = ? AND state = ?");
        this.changeBalance = t.sql("UPDATE {p}credit_balances SET balance_micros = balance_micros + ?, "
                + "held_micros = held_micros + ? WHERE account_id = ? AND currency = ?");
    }

    /** One queued hold or capture; {@code alone} runs it by itself. */
    static final class Op {
        final boolean hold;
        final String key;
        final Money amount;
        final Supplier<Object> alone;
        Object result;
        Throwable failure;
        boolean done;

        Op(boolean hold, String key, Money amount, Supplier<Object> alone) {
            this.hold = hold;
            this.key = key;
            this.amount = amount;
            this.alone = alone;
        }
    }

    private static final class Group {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<Op> queue = new ConcurrentLinkedQueue<>();
    }

    @SuppressWarnings("unchecked")
    <T> T submit(AccountId account, Op op) {
        Group g = groups.computeIfAbsent(account.value() + '\u0000' + op.amount.currency().getCurrencyCode(),
                k -> new Group());
        g.queue.add(op);
        g.lock.lock();
        try {
            while (!op.done) {
                List<Op> batch = new ArrayList<>();
                for (Op next; batch.size() < MAX_GROUP && (next = g.queue.poll()) != null; ) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    // cannot happen: every operation taken from the queue is finished before the lock is released
                    throw new IllegalStateException("a queued credit operation for " + account + " was lost");
                }
                run(account, op.amount.currency(), batch);
            }
        } finally {
            g.lock.unlock();
        }
        if (op.failure instanceof RuntimeException e) {
            throw e;
        }
        if (op.failure instanceof Error e) {
            throw e;
        }
        return (T) op.result;
    }

    /** Operations applied in groups of two or more so far (for tests and diagnostics). */
    long grouped() {
        return grouped.get();
    }

    private void run(AccountId account, Currency currency, List<Op> batch) {
        if (batch.size() > 1) {
            try {
                Outcome[] outcomes = jdbc.inTransaction("applying " + batch.size() + " holds and captures of "
                        + account, c -> apply(c, account, currency, batch));
                grouped.addAndGet(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result = outcomes[i].result;
                    batch.get(i).failure = outcomes[i].failure;
                    batch.get(i).done = true;
                }
                return;
            } catch (RuntimeException | Error e) {
                // fall through: each operation alone, with its own answer or error
            }
        }
        for (Op op : batch) {
            try {
                op.result = op.alone.get();
            } catch (RuntimeException | Error e) {
                op.failure = e; // rethrown to its own caller, never to the thread that ran it
            }
            op.done = true;
        }
    }

    private record Outcome(Object result, Throwable failure) {
    }

    /** A hold row as it stands in this transaction; {@code original} is its state when read, null if new. */
    private static final class Row {
        final String original;
        Currency currency;
        long amount;
        String state;
        Long charged;
        Long shortfall;
        Long settledAt;
        boolean changed;

        Row(String original, Currency currency, long amount, String state, Long charged, Long shortfall) {
            this.original = original;
            this.currency = currency;
            this.amount = amount;
            this.state = state;
            this.charged = charged;
            this.shortfall = shortfall;
        }

        boolean open() {
            return "open".equals(state);
        }
    }

    private Outcome[] apply(Connection c, AccountId account, Currency currency, List<Op> batch) throws SQLException {
        String acc = account.value();
        long[] b = locks.lockBalance(c, acc, currency);
        long balance = b[0];
        long held = b[1];
        Map<String, Row> rows = read(c, acc, batch);
        long now = Micros.of(clock.instant());
        Outcome[] out = new Outcome[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Op op = batch.get(i);
            Row h = rows.get(op.key);
            long amount = op.amount.micros();
            if (op.hold) {
                if (h != null && h.open()) {
                    out[i] = new Outcome(Optional.of(new Hold(account, op.key, Money.ofMicros(h.amount, h.currency))),
                            null);
                } else if (h != null) {
                    out[i] = new Outcome(null, new IllegalStateTransitionException("hold key '" + op.key
                            + "' of account " + account + " was already " + h.state + " and cannot be held again"));
                } else if (balance - held < amount) {
                    out[i] = new Outcome(Optional.empty(), null);
                } else {
                    held += amount;
                    Row row = new Row(null, currency, amount, "open", null, null);
                    row.changed = true;
                    rows.put(op.key, row);
                    out[i] = new Outcome(Optional.of(new Hold(account, op.key, op.amount)), null);
                }
                continue;
            }
            if (h != null && h.charged != null) {
                out[i] = new Outcome(new Capture(Money.ofMicros(h.charged, h.currency),
                        Money.ofMicros(h.shortfall, h.currency)), null);
                continue;
            }
            if (h != null && h.open() && !h.currency.equals(currency)) {
                out[i] = new Outcome(null, new IllegalArgumentException("capture for '" + op.key + "' must be in "
                        + h.currency + " like its hold, but was " + op.amount));
                continue;
            }
            long heldHere = h != null && h.open() ? h.amount : 0;
            long charged = Math.min(amount, balance - held + heldHere);
            long shortfall = amount - charged;
            balance -= charged;
            held -= heldHere;
            Row row = h != null ? h : new Row(null, currency, 0, null, null, null);
            row.state = "captured";
            row.currency = currency;
            row.charged = charged;
            row.shortfall = shortfall;
            row.settledAt = now;
            row.changed = true;
            rows.put(op.key, row);
            out[i] = new Outcome(new Capture(Money.ofMicros(charged, currency), Money.ofMicros(shortfall, currency)),
                    null);
        }
        write(c, acc, currency, balance - b[0], held - b[1], rows, now);
        return out;
    }

    private Map<String, Row> read(Connection c, String account, List<Op> batch) throws SQLException {
        List<String> keys = batch.stream().map(op -> op.key).distinct().toList();
        Object[] args = new Object[keys.size() + 1];
        args[0] = account;
        for (int i = 0; i < keys.size(); i++) {
            args[i + 1] = keys.get(i);
        }
        Map<String, Row> rows = new HashMap<>();
        for (Object[] r : Sql.list(c, t.sql("SELECT hold_key, currency, amount_micros, state, charged_micros, "
                + "shortfall_micros FROM {p}credit_holds WHERE account_id = ? AND hold_key IN (" + Sql.marks(keys.size())
                + ")"), rs -> new Object[] {rs.getString(1), Currency.getInstance(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), Sql.longOrNull(rs, "charged_micros"), Sql.longOrNull(rs, "shortfall_micros")},
                args)) {
            String state = (String) r[3];
            rows.put((String) r[0], new Row(state, (Currency) r[1], (Long) r[2], state, (Long) r[4], (Long) r[5]));
        }
        return rows;
    }

    private void write(Connection c, String account, Currency currency, long balanceDelta, long heldDelta,
            Map<String, Row> rows, long now) throws SQLException {
        if (balanceDelta != 0 || heldDelta != 0) {
            Sql.update(c, changeBalance, balanceDelta, heldDelta, account, currency.getCurrencyCode());
        }
        Map<String, Row> inserts = new LinkedHashMap<>();
        Map<String, Row> updates = new LinkedHashMap<>();
        rows.forEach((key, row) -> {
            if (row.changed) {
                (row.original == null ? inserts : updates).put(key, row);
            }
        });
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(insertHold)) {
                for (Map.Entry<String, Row> e : inserts.entrySet()) {
                    Row r = e.getValue();
                    Sql.bind(ps, account, e.getKey(), r.currency.getCurrencyCode(), r.amount, r.state, r.charged,
                            r.shortfall, now, r.settledAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(updateHold)) {
                for (Map.Entry<String, Row> e : updates.entrySet()) {
                    Row r = e.getValue();
                    Sql.bind(ps, r.state, r.currency.getCurrencyCode(), r.charged, r.shortfall, r.settledAt, account,
                            e.getKey(), r.original);
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    if (n == 0) {
                        throw new SQLException("a hold of " + account + " changed under the balance lock", "40001");
                    }
                }
            }
        }
    }
}
