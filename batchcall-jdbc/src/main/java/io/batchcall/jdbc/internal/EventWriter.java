package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events inside the caller's transaction, numbered once, at insert, in their account's own
 * log: the account's counter ({@code accounts.event_seq}) is advanced by the number of events,
 * which locks the account's row until the transaction ends. So an account's events commit in
 * sequence order and a reader following {@code seq} never sees a lower number appear behind a
 * higher one; no counter is shared between accounts.
 */
final class EventWriter {
    private final Accounts accounts;
    private final String insert;

    EventWriter(Tables t, Accounts accounts) {
        this.accounts = accounts;
        this.insert = t.sql("INSERT INTO {p}events (seq, at_us, account_id, batch_id, recipient_id, attempt_id, "
                + "status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    void append(Connection c, NewEvent e) throws SQLException {
        append(c, List.of(e));
    }

    void append(Connection c, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Map<String, List<NewEvent>> byAccount = new LinkedHashMap<>();
        for (NewEvent e : events) {
            byAccount.computeIfAbsent(e.account(), a -> new ArrayList<>()).add(e);
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Map.Entry<String, List<NewEvent>> account : byAccount.entrySet()) {
                List<NewEvent> own = account.getValue();
                long seq = accounts.reserveEvents(c, account.getKey(), own.size()) - own.size();
                for (NewEvent e : own) {
                    Sql.bind(ps, ++seq, Micros.of(e.at()), e.account(), e.batchId(), e.recipientId(), e.attemptId(),
                            e.status(), e.detail());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * For a bulk move that logs its own events in one statement: locks the account's counter and
     * returns the last sequence given so far; the statement numbers its events from there and the
     * caller then calls {@link #advance} with how many it wrote.
     */
    long lockCounter(Connection c, String account) throws SQLException {
        return accounts.reserveEvents(c, account, 0);
    }

    void advance(Connection c, String account, long written) throws SQLException {
        if (written > 0) {
            accounts.reserveEvents(c, account, written);
        }
    }
}
