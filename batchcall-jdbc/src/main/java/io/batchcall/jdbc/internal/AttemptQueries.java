package io.batchcall.jdbc.internal;

import io.batchcall.model.CallAttempt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading attempts: by id, by recipient, expired claims, stale calls, unsettled ends. */
final class AttemptQueries {
    private final Jdbc jdbc;
    private final Tables t;
    private final String unsettled;
    private final String hasUnsettled;

    AttemptQueries(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.t = t;
        this.unsettled = t.sql("SELECT " + AttemptRows.COLUMNS + " FROM {p}attempts WHERE settle_due = TRUE AND "
                + "ended_at_us < ? ORDER BY ended_at_us, id LIMIT ?");
        this.hasUnsettled = t.sql("SELECT 1 FROM {p}attempts WHERE account_id = ? AND batch_id = ? AND settle_due = TRUE LIMIT 1");
    }

    List<CallAttempt> unsettled(Instant endedBefore, int limit) {
        requireLimit(limit);
        return jdbc.acrossAccounts("reading unsettled attempts", c -> Sql.list(c, unsettled, AttemptRows::map,
                Micros.of(endedBefore), limit));
    }

    boolean hasUnsettled(String account, long batch) {
        return jdbc.inTransaction(account, "looking for unsettled attempts of batch " + batch, c -> Sql.first(c,
                hasUnsettled, rs -> true, account, batch).isPresent());
    }

    List<CallAttempt> expiredClaims(Instant now, int limit) {
        requireLimit(limit);
        return jdbc.acrossAccounts("reading expired claims", c -> Sql.list(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE status = 'calling' AND lease_until_us < ? ORDER BY lease_until_us, id LIMIT ?"),
                AttemptRows::map, Micros.of(now), limit));
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }

    List<CallAttempt> staleCalls(Instant before, int limit) {
        requireLimit(limit);
        return jdbc.acrossAccounts("reading stale calls", c -> Sql.list(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE status IN ('initiated', 'ringing', 'in_progress') AND last_event_at_us < ? "
                + "ORDER BY last_event_at_us, id LIMIT ?"), AttemptRows::map, Micros.of(before), limit));
    }

    Optional<CallAttempt> attempt(long attempt) {
        return jdbc.acrossAccounts("reading attempt " + attempt, c -> Sql.first(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE id = ?"), AttemptRows::map, attempt));
    }

    List<CallAttempt> attempts(long recipient) {
        return jdbc.acrossAccounts("reading attempts of recipient " + recipient, c -> Sql.list(c, t.sql("SELECT "
                + AttemptRows.COLUMNS + " FROM {p}attempts WHERE recipient_id = ? ORDER BY id"), AttemptRows::map,
                recipient));
    }
}
