package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends events inside the caller's transaction with no sequence number yet: the
 * {@link EventSequencer} numbers them once they are committed.
 */
final class EventWriter {
    private final String insert;

    EventWriter(Tables tables) {
        this.insert = tables.sql("INSERT INTO {p}events (at_us, account_id, batch_id, recipient_id, attempt_id, status, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    void append(Connection c, NewEvent e) throws SQLException {
        append(c, List.of(e));
    }

    void append(Connection c, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (NewEvent e : events) {
                Sql.bind(ps, Micros.of(e.at()), e.account(), e.batchId(), e.recipientId(), e.attemptId(), e.status(),
                        e.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
