package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The retention purge inside the caller's (short) transaction: takes the finished batch with the
 * oldest finish before the cutoff whose history is not purged yet, deletes up to {@code limit} of
 * its events (index {@code events_batch}), then the attempts of its next recipients in id order
 * (a cursor in {@code purge_progress}, so no call walks recipients it has done). A batch run again
 * and finished later is purged again from the start.
 */
final class ContactPurge {
    private static final String FINISHED = "('completed', 'cancelled', 'failed')";
    private static final String ACTIVE = "('calling', 'initiated', 'ringing', 'in_progress')";
    private final Tables t;

    ContactPurge(Tables t) {
        this.t = t;
    }

    record Candidate(long batchId, long finishedAt, long cursor, boolean known) {
    }

    /** Returns the work done: rows deleted plus recipients passed; 0 only when nothing is left to purge. */
    int purge(Connection c, Instant finishedBefore, int limit) throws SQLException {
        int work = 0;
        while (work < limit) {
            var next = Sql.first(c, t.sql("SELECT b.id, b.finished_at_us, p.recipient_cursor, p.finished_at_us "
                    + "FROM {p}batches b LEFT JOIN {p}purge_progress p ON p.batch_id = b.id "
                    + "WHERE b.status IN " + FINISHED + " AND b.finished_at_us < ? "
                    + "AND (p.batch_id IS NULL OR p.done = FALSE OR p.finished_at_us <> b.finished_at_us) "
                    + "ORDER BY b.finished_at_us, b.id"), rs -> {
                        long finished = rs.getLong(2);
                        long cursor = rs.getLong(3);
                        boolean known = !rs.wasNull();
                        boolean sameRun = known && rs.getLong(4) == finished;
                        return new Candidate(rs.getLong(1), finished, sameRun ? cursor : 0L, known);
                    }, Micros.of(finishedBefore));
            if (next.isEmpty()) {
                break;
            }
            work += step(c, next.get(), limit - work);
        }
        return work;
    }

    private int step(Connection c, Candidate b, int budget) throws SQLException {
        int work = Sql.update(c, t.sql("DELETE FROM {p}events WHERE id IN (SELECT id FROM {p}events WHERE batch_id = ? "
                + "ORDER BY id LIMIT ?)"), b.batchId(), budget);
        long cursor = b.cursor();
        boolean done = false;
        if (work < budget) {
            List<Long> recipients = Sql.list(c, t.sql("SELECT id FROM {p}recipients WHERE batch_id = ? AND id > ? "
                    + "ORDER BY id LIMIT ?"), rs -> rs.getLong(1), b.batchId(), cursor, budget - work);
            if (recipients.isEmpty()) {
                done = true;
            } else {
                Sql.update(c, t.sql("DELETE FROM {p}attempts WHERE recipient_id IN (" + Sql.marks(recipients.size())
                        + ") AND settle_due = FALSE AND status NOT IN " + ACTIVE), recipients.toArray());
                work += recipients.size();
                cursor = recipients.get(recipients.size() - 1);
            }
        }
        if (b.known()) {
            Sql.update(c, t.sql("UPDATE {p}purge_progress SET finished_at_us = ?, recipient_cursor = ?, done = ? "
                    + "WHERE batch_id = ?"), b.finishedAt(), cursor, done, b.batchId());
        } else {
            Sql.update(c, t.sql("INSERT INTO {p}purge_progress (batch_id, finished_at_us, recipient_cursor, done) "
                    + "VALUES (?, ?, ?, ?)"), b.batchId(), b.finishedAt(), cursor, done);
        }
        return work;
    }
}
