package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The event log on the events table: each account's events are numbered at insert by the
 * {@link EventWriter} under the account's row lock, so a reader simply follows
 * {@code (account_id, seq)} through its unique index.
 */
public final class JdbcEventLog implements EventLog {
    private final Jdbc jdbc;
    private final String after;
    private final String latest;
    private final String heads;

    public JdbcEventLog(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.after = t.sql("SELECT seq, at_us, account_id, batch_id, recipient_id, attempt_id, status, detail "
                + "FROM {p}events WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?");
        this.latest = t.sql("SELECT event_seq FROM {p}accounts WHERE account_id = ?");
        this.heads = t.sql("SELECT account_id, event_seq FROM {p}accounts WHERE event_seq > 0 ORDER BY account_id");
    }

    @Override
    public List<StatusEvent> after(AccountId account, long cursor, int limit) {
        Objects.requireNonNull(account, "account must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative, but was " + cursor);
        }
        return jdbc.statement(account.value(), "reading events of account " + account + " after " + cursor, c -> Sql.list(c, after,
                JdbcEventLog::map, account.value(), cursor, limit));
    }

    @Override
    public long latest(AccountId account) {
        Objects.requireNonNull(account, "account must not be null");
        return jdbc.statement(account.value(), "reading the latest event of account " + account, c -> Sql.first(c, latest,
                rs -> rs.getLong(1), account.value()).orElse(0L));
    }

    @Override
    public Map<AccountId, Long> heads() {
        return jdbc.statementAcrossAccounts("reading the event log heads", c -> {
            Map<AccountId, Long> out = new LinkedHashMap<>();
            for (Object[] row : Sql.list(c, heads, rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
                out.put(AccountId.of((String) row[0]), (Long) row[1]);
            }
            return out;
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
