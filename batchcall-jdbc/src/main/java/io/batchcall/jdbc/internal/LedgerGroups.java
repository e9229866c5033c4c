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
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final Jdbc jdbc;
    private final LedgerRows rows;
    private final LedgerWrites writes;
    private final Clock clock;
    private final GroupCommit<Op> commits = new GroupCommit<>("credit operation");

    LedgerGroups(Jdbc jdbc, LedgerRows rows, LedgerWrites writes, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.writes = writes;
        this.clock = clock;
    }

    /** One queued hold or capture; {@code alone} runs it by itself. */
    static final class Op extends GroupCommit.Op {
        final boolean hold;
        final String key;
        final Money amount;
        final Supplier<Object> alone;

        Op(boolean hold, String key, Money amount, Supplier<Object> alone) {
            this.hold = hold;
            this.key = key;
            this.amount = amount;
            this.alone = alone;
        }
    }

    <T> T submit(AccountId account, Op op) {
        return commits.submit(account.value() + '\u0000' + op.amount.currency().getCurrencyCode(), op,
                batch -> run(account, op.amount.currency(), batch));
    }

    /** Operations applied in groups of two or more so far (for tests and diagnostics). */
    long grouped() {
        return commits.grouped();
    }

    private void run(AccountId account, Currency currency, List<Op> batch) {
        if (batch.size() > 1) {
            try {
                Outcome[] outcomes = jdbc.inTransaction(account.value(), "applying " + batch.size() + " holds and captures of "
                        + account, c -> apply(c, account, currency, batch));
                commits.countGrouped(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer(outcomes[i].result, outcomes[i].failure);
                }
                return;
            } catch (RuntimeException | Error e) {
                // fall through: each operation alone, with its own answer or error
            }
        }
        GroupCommit.eachAlone(batch, op -> op.alone.get());
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
