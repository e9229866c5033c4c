package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The retention purge in short transactions: {@link #next} finds (reading across accounts) the
 * finished batch with the oldest finish before the cutoff whose history is not purged yet;
 * {@link #step}, in that batch's account, deletes up to a budget of its events (index {@code
 * events_batch}), then the attempts of its next recipients in id order (a cursor in {@code
 * purge_progress}, so no call walks recipients it has done). A batch run again and finished later
 * is purged again from the start.
 */
final class ContactPurge {
    private static final String FINISHED = "('completed', 'cancelled', 'failed')";
    private static final String ACTIVE = "('calling', 'initiated', 'ringing', 'in_progress')";
    private final Tables t;

    ContactPurge(Tables t) {
        this.t = t;
    }

    record Candidate(String account, long batchId, long finishedAt, long cursor, boolean known) {
    }

    /** The next batch to purge, if any (a read across accounts). */
    Optional<Candidate> next(Connection c, Instant finishedBefore) throws SQLException {
        return Sql.first(c, t.sql("SELECT b.account_id, b.id, b.finished_at_us, p.recipient_cursor, p.finished_at_us "
                + "FROM {p}batches b LEFT JOIN {p}purge_progress p ON p.account_id = b.account_id AND p.batch_id = b.id "
                + "WHERE b.status IN " + FINISHED + " AND b.finished_at_us < ? "
                + "AND (p.batch_id IS NULL OR p.done = FALSE OR p.finished_at_us <> b.finished_at_us) "
                + "ORDER BY b.finished_at_us, b.id LIMIT 1"), rs -> {
                    long finished = rs.getLong(3);
                    long cursor = rs.getLong(4);
                    boolean known = !rs.wasNull();
                    boolean sameRun = known && rs.getLong(5) == finished;
                    return new Candidate(rs.getString(1), rs.getLong(2), finished, sameRun ? cursor : 0L, known);
                }, Micros.of(finishedBefore));
    }

    /** Purges up to {@code budget} rows of the batch, in its account; returns the work done (rows deleted plus recipients passed). */
    int step(Connection c, Candidate b, int budget) throws SQLException {
        String account = b.account();
        int work = Sql.update(c, t.sql("DELETE FROM {p}events WHERE account_id = ? AND id IN (SELECT id FROM {p}events "
                + "WHERE account_id = ? AND batch_id = ? ORDER BY id LIMIT ?)"), account, account, b.batchId(), budget);
        long cursor = b.cursor();
        boolean done = false;
        if (work < budget) {
            List<Long> recipients = Sql.list(c, t.sql("SELECT id FROM {p}recipients WHERE account_id = ? AND batch_id = ? "
                    + "AND id > ? ORDER BY id LIMIT ?"), rs -> rs.getLong(1), account, b.batchId(), cursor, budget - work);
            if (recipients.isEmpty()) {
                done = true;
            } else {
                List<Object> args = new java.util.ArrayList<>();
                args.add(account);
                args.addAll(recipients);
                Sql.update(c, t.sql("DELETE FROM {p}attempts WHERE account_id = ? AND recipient_id IN ("
                        + Sql.marks(recipients.size()) + ") AND settle_due = FALSE AND status NOT IN " + ACTIVE),
                        args.toArray());
                work += recipients.size();
                cursor = recipients.get(recipients.size() - 1);
            }
        }
        if (b.known()) {
            Sql.update(c, t.sql("UPDATE {p}purge_progress SET finished_at_us = ?, recipient_cursor = ?, done = ? "
                    + "WHERE account_id = ? AND batch_id = ?"), b.finishedAt(), cursor, done, account, b.batchId());
        } else {
            Sql.update(c, t.sql("INSERT INTO {p}purge_progress (account_id, batch_id, finished_at_us, recipient_cursor, "
                    + "done) VALUES (?, ?, ?, ?, ?)"), account, b.batchId(), b.finishedAt(), cursor, done);
        }
        return work;
    }
}
