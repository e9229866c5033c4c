package io.batchcall.jdbc.internal;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.NotFoundException;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading attempts, leases for recovery, and the small writes that change no status. */
final class AttemptQueries {
    private final Jdbc jdbc;
    private final Tables t;
    private final String recordCost;

    AttemptQueries(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.t = t;
        String ended = Arrays.stream(RecipientStatus.values()).filter(RecipientStatus::isTerminal)
                .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
        this.recordCost = t.sql("UPDATE {p}attempts SET cost_micros = ?, cost_currency = ? WHERE id = ? "
                + "AND cost_micros IS NULL AND status IN (" + ended + ")");
    }

    /** Keeps the first cost; refuses an unknown or unfinished attempt. */
    void recordCost(long attempt, Money cost) {
        Objects.requireNonNull(cost, "cost must not be null");
        if (jdbc.statement("recording the cost of attempt " + attempt, c -> Sql.update(c, recordCost,
                cost.micros(), cost.currency().getCurrencyCode(), attempt)) == 1) {
            return;
        }
        jdbc.inTransaction("recording the cost of attempt " + attempt, c -> {
            String status = Sql.first(c, t.sql("SELECT status FROM {p}attempts WHERE id = ?"), rs -> rs.getString(1),
                    attempt).orElseThrow(() -> new NotFoundException("attempt " + attempt + " does not exist"));
            if (!RecipientStatus.fromWireName(status).isTerminal()) {
                throw new IllegalStateTransitionException("attempt " + attempt + " has not ended (it is " + status
                        + "), so its cost cannot be recorded yet");
            }
            Sql.update(c, t.sql("UPDATE {p}attempts SET cost_micros = ?, cost_currency = ? WHERE id = ? "
                    + "AND cost_micros IS NULL"), cost.micros(), cost.currency().getCurrencyCode(), attempt);
            return null;
        });
    }

    List<CallAttempt> expiredClaims(Instant now, int limit) {
        requireLimit(limit);
        return jdbc.inTransaction("reading expired claims", c -> Sql.list(c, t.sql("SELECT " + AttemptRows.COLUMNS
                + " FROM {p}attempts WHERE status = 'calling' AND lease_until_us < ? ORDER BY lease_until_us, id LIMIT ?"),
                AttemptRows::map, Micros.of(now), limit));
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }

    boolean takeOver(long attempt, String owner, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        return jdbc.inTransaction("taking over attempt " + attempt, c -> Sql.update(c, t.sql("UPDATE {p}attempts SET "
                + "claim_owner = ?, lease_until_us = ? WHERE id = ? AND status = 'calling' AND lease_until_us < ?"),
                owner, Micros.of(leaseUntil), attempt, Micros.of(now)) == 1);
    }

    List<CallAttempt> staleCalls(Instant before, int limit) {
        requireLimit(limit);
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
