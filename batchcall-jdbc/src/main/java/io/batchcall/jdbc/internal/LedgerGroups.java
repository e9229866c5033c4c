package io.batchcall.jdbc.internal;

import io.batchcall.credit.CreditRules;
import io.batchcall.credit.Decision;
import io.batchcall.credit.HoldState;
import io.batchcall.credit.Purse;
import io.batchcall.credit.Refusal;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * takes everything queued and applies it in one transaction — the balance row locked and the
 * holds read in one statement, each operation decided in order by {@link CreditRules} over the purse
 * the previous one left (exactly as alone, one after the other), then one balance update and
 * batched hold writes guarded by the states read (a hold row that another node changed after the
 * statement's snapshot fails its guard, and the group is decided again). Each caller gets its own answer or exception; a
 * storage failure of the group makes each operation run alone, so one bad operation cannot fail
 * the others. A lone caller runs alone straight away.
 */
final class LedgerGroups {
    private static final int MAX_GROUP = 64;

    private final Jdbc jdbc;
    private final LedgerRows rows;
    private final LedgerWrites writes;
    private final Clock clock;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final AtomicLong grouped = new AtomicLong();

    LedgerGroups(Jdbc jdbc, LedgerRows rows, LedgerWrites writes, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.writes = writes;
        this.clock = clock;
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

    private Outcome[] apply(Connection c, AccountId account, Currency currency, List<Op> batch) throws SQLException {
        String acc = account.value();
        Map.Entry<Purse, Map<String, HoldState>> loaded = rows.purseAndHolds(c, acc, currency,
                batch.stream().map(op -> op.key).distinct().toList());
        Purse before = loaded.getKey();
        Map<String, HoldState> stored = loaded.getValue();
        Map<String, HoldState> states = new HashMap<>(stored);
        Purse purse = before;
        Outcome[] out = new Outcome[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Op op = batch.get(i);
            HoldState state = states.getOrDefault(op.key, HoldState.ABSENT);
            Decision<?> d = op.hold ? CreditRules.hold(account, op.key, op.amount, purse, state)
                    : CreditRules.capture(account, op.key, op.amount, purse, state);
            if (d.refused() && d.refusal().reason() == Refusal.Reason.INCONSISTENT_INPUT) {
                throw new SQLException(d.refusal().message(), "40001");
            }
            if (d.refused()) {
                out[i] = new Outcome(null, d.refusal().toException());
                continue;
            }
            purse = d.purse();
            states.put(op.key, d.hold());
            out[i] = new Outcome(d.answer(), null);
        }
        if (!writes.group(c, acc, before, purse, stored, states, Micros.of(clock.instant()))) {
            throw new SQLException("a credit hold of " + account + " changed under the balance lock", "40001");
        }
        return out;
    }
}
