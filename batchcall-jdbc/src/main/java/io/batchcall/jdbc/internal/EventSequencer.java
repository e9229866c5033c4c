package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Numbers committed events: the event log's ordering guarantee.
 *
 * <p>Writers insert events with {@code seq} NULL inside their own transactions, so the insert order
 * (the {@code id} identity) is not the commit order: a reader could see id 11 committed while id 10
 * is still in flight, and skip 10 forever. Instead, the public sequence is given only to rows that
 * are already committed. A numbering pass locks the single {@code event_sequence} row, reads the
 * committed unnumbered events in id order, gives them {@code last_seq + 1 …}, stores the new
 * {@code last_seq} and commits; passes are serialised by that row lock. A row committed after a
 * pass is numbered by a later pass, above everything numbered before, and a pass's numbers become
 * visible all at once when it commits, so a reader that follows {@code seq} can never see a lower
 * number appear behind a higher one. Writers never touch the counter row, so the write path is not
 * serialised across accounts; readers that find a pass running skip numbering
 * ({@code SKIP LOCKED}) and read what is numbered. Works the same on PostgreSQL and H2, across any
 * number of nodes.
 */
final class EventSequencer {
    private static final int PASS_SIZE = 5_000;

    private final String lock;
    private final String unnumbered;
    private final String number;
    private final String store;

    EventSequencer(Tables t) {
        this.lock = t.sql("SELECT last_seq FROM {p}event_sequence WHERE id = 1 FOR UPDATE SKIP LOCKED");
        this.unnumbered = t.sql("SELECT id FROM {p}events WHERE seq IS NULL ORDER BY id LIMIT ?");
        this.number = t.sql("UPDATE {p}events SET seq = ? WHERE id = ? AND seq IS NULL");
        this.store = t.sql("UPDATE {p}event_sequence SET last_seq = ? WHERE id = 1");
    }

    /** Numbers up to one pass of committed events, unless another pass is running. Caller commits. */
    void numberCommitted(Connection c) throws SQLException {
        Optional<Long> last = Sql.first(c, lock, rs -> rs.getLong(1));
        if (last.isEmpty()) {
            return;
        }
        List<Long> ids = Sql.list(c, unnumbered, rs -> rs.getLong(1), PASS_SIZE);
        if (ids.isEmpty()) {
            return;
        }
        long seq = last.get();
        try (PreparedStatement ps = c.prepareStatement(number)) {
            for (long id : ids) {
                Sql.bind(ps, ++seq, id);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                if (n == 0) {
                    throw new SQLException("an event was numbered twice; is the events table shared with an older"
                            + " writer?", "40001");
                }
            }
        }
        Sql.update(c, store, seq);
    }
}
