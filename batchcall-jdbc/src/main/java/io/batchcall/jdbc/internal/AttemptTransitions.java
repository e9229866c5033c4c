package io.batchcall.jdbc.internal;

import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Status changes of a claimed or placed call. Each one is a compare-and-set on the attempt
 * ({@code WHERE id = ? AND status = ?}, the row count checked, re-read and retried if another
 * writer won), followed, when the attempt is the recipient's latest, by the recipient's change
 * (guarded by {@code last_attempt}) and one event, all in one transaction. None of them can raise
 * the active-call count, so none takes the account lock.
 */
final class AttemptTransitions {
    private static final int CAS_ROUNDS = 5;

    private final Jdbc jdbc;
    private final Tables t;
    private final EventWriter events;
    private final String select;
    private final OneStatement oneStatement;

    AttemptTransitions(Jdbc jdbc, Tables t, boolean writableCtes) {
        this.jdbc = jdbc;
        this.t = t;
        this.events = new EventWriter(t);
        this.select = t.sql("SELECT " + AttemptRows.COLUMNS + " FROM {p}attempts WHERE id = ?");
        this.oneStatement = writableCtes ? new OneStatement(t) : null;
    }

    /**
     * PostgreSQL: the usual transitions as one statement (data-modifying CTEs) in one round trip.
     * The attempt's {@code UPDATE … WHERE id = ? AND status IN (…)} is the compare-and-set (READ
     * COMMITTED re-checks it against a concurrent writer's row), and the recipient's change and the
     * event are made from its {@code RETURNING} row, so they happen exactly when it matched.
     */
    private static final class OneStatement {
        private final Map<RecipientStatus, String> carrier = new EnumMap<>(RecipientStatus.class);
        private final String placed;

        OneStatement(Tables t) {
            for (RecipientStatus to : RecipientStatus.values()) {
                if (!to.isCarrierStatus()) {
                    continue;
                }
                String from = Arrays.stream(RecipientStatus.values()).filter(s -> s.advancesTo(to))
                        .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
                boolean end = to.isTerminal();
                carrier.put(to, cte(t, "status = ?, provider_call_id = COALESCE(provider_call_id, ?), placed_at_us = "
                        + "COALESCE(placed_at_us, ?), last_event_at_us = ?, ended_at_us = ?, talk_time_us = ?, reason = "
                        + (end ? "?" : "COALESCE(?, reason)"), "status IN (" + from + ")"));
            }
            this.placed = cte(t, "status = ?, provider_call_id = ?, placed_at_us = ?, last_event_at_us = ?",
                    "status = 'calling'");
        }

        /** Parameters: the SET ones, the attempt id, recipient status and reason, event status and detail. */
        private static String cte(Tables t, String set, String guard) {
            return t.sql("WITH a AS (UPDATE {p}attempts SET " + set + " WHERE id = ? AND " + guard + " RETURNING "
                    + AttemptRows.COLUMNS + "), r AS (UPDATE {p}recipients SET status = ?, reason = ? WHERE id = "
                    + "(SELECT recipient_id FROM a) AND last_attempt = (SELECT id FROM a)), e AS (INSERT INTO {p}events "
                    + "(at_us, account_id, batch_id, recipient_id, attempt_id, status, detail) SELECT last_event_at_us, "
                    + "account_id, batch_id, recipient_id, id, ?, ? FROM a) SELECT " + AttemptRows.COLUMNS + " FROM a");
        }
    }

    boolean markPlaced(long attempt, String providerCallId, Instant at) {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        if (oneStatement != null) {
            long us = Micros.of(at);
            String initiated = RecipientStatus.INITIATED.wireName();
            if (jdbc.statement("marking attempt " + attempt + " placed", c -> Sql.first(c, oneStatement.placed,
                    AttemptRows::map, initiated, providerCallId, us, us, attempt, initiated, null, initiated, null))
                    .isPresent()) {
                return true;
            }
        }
        return jdbc.inTransaction("marking attempt " + attempt + " placed", c -> {
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Optional<CallAttempt> current = read(c, attempt);
                if (current.isEmpty()) {
                    return false;
                }
                CallAttempt a = current.get();
                if (a.status() == RecipientStatus.CALLING) {
                    if (Sql.update(c, t.sql("UPDATE {p}attempts SET status = 'initiated', provider_call_id = ?, "
                            + "placed_at_us = ?, last_event_at_us = ? WHERE id = ? AND status = 'calling'"),
                            providerCallId, Micros.of(at), Micros.of(at), attempt) == 1) {
                        follow(c, a, RecipientStatus.INITIATED, null, at, null);
                        return true;
                    }
                } else if (a.placedAt() == null) {
                    return false; // released or finished undialed
                } else if (a.providerCallId() != null) {
                    return a.providerCallId().equals(providerCallId);
                } else if (Sql.update(c, t.sql("UPDATE {p}attempts SET provider_call_id = ? WHERE id = ? "
                        + "AND provider_call_id IS NULL"), providerCallId, attempt) == 1) {
                    return true; // a carrier callback overtook the dialer; adopt the call id
                }
            }
            throw new SQLException("attempt " + attempt + " kept changing while being marked placed", "40001");
        });
    }

    Optional<CallAttempt> applyCarrierStatus(long attempt, CarrierUpdate u) {
        boolean end = u.status().isTerminal();
        if (oneStatement != null) {
            long at = Micros.of(u.at());
            String status = u.status().wireName();
            return jdbc.statement("applying carrier status " + u.status() + " to attempt " + attempt, c ->
                    Sql.first(c, oneStatement.carrier.get(u.status()), AttemptRows::map, status, u.providerCallId(), at,
                            at, end ? at : null, end ? Micros.of(u.talkTimeOrZero()) : null, end ? u.reason() : null,
                            attempt, status, end ? u.reason() : null, status, u.reason()));
        }
        return jdbc.inTransaction("applying carrier status " + u.status() + " to attempt " + attempt, c -> {
            long at = Micros.of(u.at());
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Optional<CallAttempt> current = read(c, attempt);
                if (current.isEmpty() || !current.get().status().advancesTo(u.status())) {
                    return Optional.<CallAttempt>empty();
                }
                CallAttempt a = current.get();
                int n = Sql.update(c, t.sql("UPDATE {p}attempts SET status = ?, provider_call_id = COALESCE("
                        + "provider_call_id, ?), placed_at_us = COALESCE(placed_at_us, ?), last_event_at_us = ?, "
                        + "ended_at_us = ?, talk_time_us = ?, reason = " + (end ? "?" : "COALESCE(?, reason)")
                        + " WHERE id = ? AND status = ?"),
                        u.status().wireName(), u.providerCallId(), at, at, end ? at : null,
                        end ? Micros.of(u.talkTimeOrZero()) : null, end ? u.reason() : null, attempt,
                        a.status().wireName());
                if (n == 1) {
                    follow(c, a, u.status(), end ? u.reason() : null, u.at(), u.reason());
                    return Optional.of(after(a, u, end));
                }
            }
            throw new SQLException("attempt " + attempt + " kept changing under a carrier update", "40001");
        });
    }

    /** The attempt as the guarded update above left it, without reading it back. */
    private static CallAttempt after(CallAttempt a, CarrierUpdate u, boolean end) {
        Instant at = Micros.instant(Micros.of(u.at()));
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId() != null ? a.providerCallId() : u.providerCallId(), u.status(), a.owner(),
                a.claimedAt(), a.leaseUntil(), a.placedAt() != null ? a.placedAt() : at, at, end ? at : null,
                end ? Duration.ofNanos(Micros.of(u.talkTimeOrZero()) * 1000) : null, a.cost(),
                end ? u.reason() : u.reason() != null ? u.reason() : a.reason());
    }

    boolean release(long attempt, Instant notBefore, String reason, Instant at) {
        return jdbc.inTransaction("releasing attempt " + attempt, c -> {
            Optional<CallAttempt> a = endClaim(c, attempt, RecipientStatus.SKIPPED, reason, at);
            if (a.isEmpty()) {
                return false;
            }
            Sql.update(c, t.sql("UPDATE {p}recipients SET status = 'pending', not_before_us = ?, reason = NULL, "
                    + "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END "
                    + "WHERE id = ? AND last_attempt = ?"),
                    RecipientRows.notBefore(notBefore), a.get().recipientId().value(), attempt);
            append(c, a.get(), RecipientStatus.PENDING, at, reason);
            return true;
        });
    }

    boolean finishUndialed(long attempt, RecipientStatus outcome, String reason, Instant at) {
        if (outcome != RecipientStatus.SKIPPED && outcome != RecipientStatus.FAILED) {
            throw new IllegalArgumentException("an undialed claim ends as skipped or failed, but the outcome was "
                    + outcome.wireName());
        }
        return jdbc.inTransaction("ending undialed attempt " + attempt, c -> {
            Optional<CallAttempt> a = endClaim(c, attempt, outcome, reason, at);
            if (a.isPresent()) {
                follow(c, a.get(), outcome, reason, at, reason);
            }
            return a.isPresent();
        });
    }

    boolean requeue(long attempt, Instant notBefore, Instant at) {
        return jdbc.inTransaction("requeueing after attempt " + attempt, c -> {
            Optional<CallAttempt> a = read(c, attempt);
            if (a.isEmpty() || !a.get().status().isFailure()) {
                return false;
            }
            int n = Sql.update(c, t.sql("UPDATE {p}recipients SET status = 'pending', not_before_us = ?, reason = NULL "
                    + "WHERE id = ? AND last_attempt = ? AND status = ?"), RecipientRows.notBefore(notBefore),
                    a.get().recipientId().value(), attempt, a.get().status().wireName());
            if (n == 1) {
                append(c, a.get(), RecipientStatus.PENDING, at, null);
            }
            return n == 1;
        });
    }

    /** calling → {@code outcome} for the attempt, guarded; the attempt before the change, if it moved. */
    private Optional<CallAttempt> endClaim(Connection c, long attempt, RecipientStatus outcome, String reason,
            Instant at) throws SQLException {
        Optional<CallAttempt> before = read(c, attempt);
        if (before.isEmpty() || before.get().status() != RecipientStatus.CALLING) {
            return Optional.empty();
        }
        int n = Sql.update(c, t.sql("UPDATE {p}attempts SET status = ?, reason = ?, last_event_at_us = ?, "
                + "ended_at_us = ?, talk_time_us = NULL WHERE id = ? AND status = 'calling'"), outcome.wireName(), reason,
                Micros.of(at), Micros.of(at), attempt);
        return n == 1 ? before : Optional.empty();
    }

    /** Moves the recipient with its latest attempt, then appends the attempt's event either way. */
    private void follow(Connection c, CallAttempt a, RecipientStatus to, String reason, Instant at, String detail)
            throws SQLException {
        Sql.update(c, t.sql("UPDATE {p}recipients SET status = ?, reason = ? WHERE id = ? AND last_attempt = ?"),
                to.wireName(), reason, a.recipientId().value(), a.id().value());
        append(c, a, to, at, detail);
    }

    private void append(Connection c, CallAttempt a, RecipientStatus status, Instant at, String detail)
            throws SQLException {
        events.append(c, NewEvent.recipient(at, a.account().value(), a.batchId().value(), a.recipientId().value(),
                a.id().value(), status.wireName(), detail));
    }

    private Optional<CallAttempt> read(Connection c, long attempt) throws SQLException {
        return Sql.first(c, select, AttemptRows::map, attempt);
    }
}
