package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Group commit for the one-statement placements and carrier statuses of one account (PostgreSQL).
 * Each of them advances the account's event counter, so the account's row lock serialises them,
 * and each holds it through its commit (a WAL flush). Here concurrent callers on this node queue
 * per account; whoever holds the group's lock takes everything queued and runs the statements one
 * after the other in one transaction: the same statements, in the same order, with the same
 * guards, as they would run alone, so each decides exactly as alone; the account's lock is taken
 * once and one commit pays for all. A group commits without waiting for the WAL flush only when
 * every statement in it is an intermediate carrier status (ringing, in progress: a crash can lose
 * only a status that the final one supersedes). A storage failure of the group makes each
 * statement run alone, so one bad statement cannot fail the others; a lone caller runs alone
 * straight away.
 *
 * <p>Every caller names the attempt's account (the store's methods take it), so callbacks for
 * calls claimed on another node group too.
 */
final class CarrierGroups {
    private final Jdbc jdbc;
    private final GroupCommit<Op> commits = new GroupCommit<>("carrier status");

    CarrierGroups(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement: run inside the group's transaction ({@code async}: may commit without flush). */
    interface Work<T> {
        T run(Connection c, boolean async) throws SQLException;
    }

    private static final class Op extends GroupCommit.Op {
        final Work<?> work;
        final boolean intermediate;
        final String what;

        Op(Work<?> work, boolean intermediate, String what) {
            this.work = work;
            this.intermediate = intermediate;
            this.what = what;
        }
    }

    /**
     * Runs {@code work} in its account's group (alone, in auto-commit, when nothing else is queued).
     */
    <T> T submit(String account, String what, boolean intermediate, Work<T> work) {
        return commits.submit(account, new Op(work, intermediate, what), batch -> run(account, batch));
    }

    /** Statements applied in groups of two or more so far (for tests and diagnostics). */
    long grouped() {
        return commits.grouped();
    }

    private <T> T alone(String account, String what, boolean intermediate, Work<T> work) {
        return jdbc.statement(account, what, c -> work.run(c, intermediate));
    }

    private void run(String account, List<Op> batch) {
        if (batch.size() > 1) {
            boolean async = batch.stream().allMatch(op -> op.intermediate);
            try {
                Object[] results = jdbc.inTransaction(account, "applying " + batch.size() + " carrier statuses of account "
                        + account, c -> {
                            Object[] out = new Object[batch.size()];
                            for (int i = 0; i < out.length; i++) {
                                out[i] = batch.get(i).work.run(c, async);
                            }
                            return out;
                        });
                commits.countGrouped(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer(results[i], null);
                }
                return;
            } catch (RuntimeException | Error e) {
                // fall through: each statement alone, with its own answer or error
            }
        }
        GroupCommit.eachAlone(batch, op -> alone(account, op.what, op.intermediate, op.work));
    }
}
