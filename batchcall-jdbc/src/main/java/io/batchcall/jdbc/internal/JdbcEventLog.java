package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The event log on the events table, numbered after commit by the {@link EventSequencer}. */
public final class JdbcEventLog implements EventLog {
    private final Jdbc jdbc;
    private final EventSequencer sequencer;
    private final String after;
    private final String latest;

    public JdbcEventLog(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.sequencer = new EventSequencer(t);
        this.after = t.sql("SELECT seq, at_us, account_id, batch_id, recipient_id, attempt_id, status, detail "
                + "FROM {p}events WHERE seq > ? ORDER BY seq LIMIT ?");
        this.latest = t.sql("SELECT last_seq FROM {p}event_sequence WHERE id = 1");
    }

    @Override
    public List<StatusEvent> after(long cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        return jdbc.inTransaction("reading events after " + cursor, c -> {
            sequencer.numberCommitted(c);
            c.commit();
            return Sql.list(c, after, JdbcEventLog::map, cursor, limit);
        });
    }

    @Override
    public long latest() {
        return jdbc.inTransaction("reading the latest event", c -> {
            sequencer.numberCommitted(c);
            c.commit();
            return Sql.number(c, latest);
        });
    }

    private static StatusEvent map(ResultSet rs) throws SQLException {
        Long recipient = Sql.longOrNull(rs, "recipient_id");
        Long attempt = Sql.longOrNull(rs, "attempt_id");
        return new StatusEvent(rs.getLong("seq"), Micros.instant(rs, "at_us"), AccountId.of(rs.getString("account_id")),
                BatchId.of(rs.getLong("batch_id")), recipient == null ? null : RecipientId.of(recipient),
                attempt == null ? null : AttemptId.of(attempt), rs.getString("status"), rs.getString("detail"));
    }
}
