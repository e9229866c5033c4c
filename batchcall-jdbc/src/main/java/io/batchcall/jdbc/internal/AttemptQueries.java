package io.batchcall.jdbc.internal;

import io.batchcall.NotFoundException;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading attempts, leases for recovery, and the small writes that change no status. */
final class AttemptQueries {
    private final Jdbc jdbc;
    private final Tables t;

    AttemptQueries(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.t = t;
    }

    void recordCost(long attempt, Money cost) {
        jdbc.inTransaction("recording the cost of attempt " + attempt, c -> {
            if (Sql.update(c, t.sql("UPDATE {p}attempts SET cost_micros = ?, cost_currency = ? WHERE id = ?"),
                    cost.micros(), cost.currency().getCurrencyCode(), attempt) != 1) {
                throw new NotFoundException("attempt " + attempt + " does not exist");
            }
            return null;
        });
    }

    List<CallAttempt> expiredClaims(Instant now, int limit) {
        return jdbc.inTransaction("reading expired claims", c -> Sql.list(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE status = 'calling' AND lease_until_us < ? ORDER BY lease_until_us, id LIMIT ?"),
                AttemptRows::map, Micros.of(now), limit));
    }

    boolean takeOver(long attempt, String owner, Instant now, Instant leaseUntil) {
        return jdbc.inTransaction("taking over attempt " + attempt, c -> Sql.update(c, t.sql("UPDATE {p}attempts SET "
                + "claim_owner = ?, lease_until_us = ? WHERE id = ? AND status = 'calling' AND lease_until_us < ?"),
                owner, Micros.of(leaseUntil), attempt, Micros.of(now)) == 1);
    }

    List<CallAttempt> staleCalls(Instant before, int limit) {
        return jdbc.inTransaction("reading stale calls", c -> Sql.list(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE status IN ('initiated', 'ringing', 'in_progress') AND last_event_at_us < ? "
                + "ORDER BY last_event_at_us, id LIMIT ?"), AttemptRows::map, Micros.of(before), limit));
    }

    void touch(long attempt, Instant at) {
        jdbc.inTransaction("touching attempt " + attempt, c -> Sql.update(c, t.sql("UPDATE {p}attempts SET "
                + "last_event_at_us = ? WHERE id = ? AND status IN ('initiated', 'ringing', 'in_progress') "
                + "AND (last_event_at_us IS NULL OR last_event_at_us < ?)"), Micros.of(at), attempt, Micros.of(at)));
    }

    Optional<CallAttempt> attempt(long attempt) {
        return jdbc.inTransaction("reading attempt " + attempt, c -> Sql.first(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE id = ?"), AttemptRows::map, attempt));
    }

    List<CallAttempt> attempts(long recipient) {
        return jdbc.inTransaction("reading attempts of recipient " + recipient, c -> Sql.list(c, t.sql("SELECT "
                + AttemptRows.COLUMNS + " FROM {p}attempts WHERE recipient_id = ? ORDER BY id"), AttemptRows::map,
                recipient));
    }
}
