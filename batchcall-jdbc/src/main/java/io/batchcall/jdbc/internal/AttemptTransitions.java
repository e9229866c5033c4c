package io.batchcall.jdbc.internal;

import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Status changes of a claimed or placed call. Each one is a compare-and-set on the attempt
 * ({@code WHERE id = ? AND status = ?}) with the row count checked, followed, when the attempt is
 * the recipient's latest, by the same guarded change of the recipient and an event, all in one
 * transaction. None of them can raise the active-call count, so none takes the account lock.
 */
final class AttemptTransitions {
    private static final int CAS_ROUNDS = 5;

    private final Jdbc jdbc;
    private final Tables t;
    private final EventWriter events;
    private final String select;

    AttemptTransitions(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.t = t;
        this.events = new EventWriter(t);
        this.select = t.sql("SELECT " + AttemptRows.COLUMNS + " FROM {p}attempts WHERE id = ?");
    }

    boolean markPlaced(long attempt, String providerCallId, Instant at) {
        return jdbc.inTransaction("marking attempt " + attempt + " placed", c -> {
            int n = Sql.update(c, t.sql("UPDATE {p}attempts SET status = 'initiated', provider_call_id = ?, "
                            + "placed_at_us = ?, last_event_at_us = ?, lease_until_us = NULL WHERE id = ? AND status = 'calling'"),
                    providerCallId, Micros.of(at), Micros.of(at), attempt);
            if (n == 0) {
                return false;
            }
            CallAttempt a = read(c, attempt).orElseThrow();
            moveRecipient(c, a, RecipientStatus.CALLING, RecipientStatus.INITIATED, null, at, null);
            return true;
        });
    }

    Optional<CallAttempt> applyCarrierStatus(long attempt, CarrierUpdate u) {
        return jdbc.inTransaction("applying carrier status " + u.status() + " to attempt " + attempt, c -> {
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Optional<CallAttempt> current = read(c, attempt);
                if (current.isEmpty() || !current.get().status().advancesTo(u.status())) {
                    return Optional.<CallAttempt>empty();
                }
                CallAttempt a = current.get();
                boolean terminal = u.status().isTerminal();
                long at = Micros.of(u.at());
                int n = Sql.update(c, t.sql("UPDATE {p}attempts SET status = ?, provider_call_id = COALESCE(provider_call_id, ?), "
                                + "placed_at_us = COALESCE(placed_at_us, ?), last_event_at_us = ?, lease_until_us = NULL, "
                                + "ended_at_us = ?, talk_time_us = ?, reason = COALESCE(?, reason) WHERE id = ? AND status = ?"),
                        u.status().wireName(), u.providerCallId(), at, at, terminal ? at : null,
                        terminal ? Micros.of(u.talkTimeOrZero()) : null, u.reason(), attempt, a.status().wireName());
                if (n == 1) {
                    moveRecipient(c, a, a.status(), u.status(), terminal ? u.reason() : null, u.at(), u.reason());
                    return read(c, attempt);
                }
            }
            throw new SQLException("attempt " + attempt + " kept changing under a carrier update", "40001");
        });
    }

    boolean release(long attempt, Instant notBefore, String reason, Instant at) {
        return jdbc.inTransaction("releasing attempt " + attempt, c -> {
            Optional<CallAttempt> a = endClaim(c, attempt, RecipientStatus.SKIPPED, reason, at);
            if (a.isEmpty()) {
                return false;
            }
            int n = Sql.update(c, t.sql("UPDATE {p}recipients SET status = 'pending', not_before_us = ?, "
                            + "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END "
                            + "WHERE id = ? AND last_attempt = ? AND status = 'calling'"),
                    RecipientRows.notBefore(notBefore), a.get().recipientId().value(), attempt);
            if (n == 1) {
                append(c, a.get(), RecipientStatus.PENDING, at, reason);
            }
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
                moveRecipient(c, a.get(), RecipientStatus.CALLING, outcome, reason, at, reason);
            }
            return a.isPresent();
        });
    }

    boolean requeue(long attempt, Instant notBefore, Instant at) {
        return jdbc.inTransaction("requeueing after attempt " + attempt, c -> {
            Optional<CallAttempt> a = read(c, attempt);
            if (a.isEmpty() || !a.get().status().isTerminal()) {
                return false;
            }
            int n = Sql.update(c, t.sql("UPDATE {p}recipients SET status = 'pending', not_before_us = ? WHERE id = ? "
                            + "AND last_attempt = ? AND status IN ('completed', 'failed', 'busy', 'no_answer', 'skipped')"),
                    RecipientRows.notBefore(notBefore), a.get().recipientId().value(), attempt);
            if (n == 1) {
                append(c, a.get(), RecipientStatus.PENDING, at, null);
            }
            return n == 1;
        });
    }

    /** calling → {@code outcome} for the attempt, guarded; the attempt as it was, if it moved. */
    private Optional<CallAttempt> endClaim(Connection c, long attempt, RecipientStatus outcome, String reason,
            Instant at) throws SQLException {
        int n = Sql.update(c, t.sql("UPDATE {p}attempts SET status = ?, reason = ?, ended_at_us = ?, lease_until_us = NULL "
                + "WHERE id = ? AND status = 'calling'"), outcome.wireName(), reason, Micros.of(at), attempt);
        return n == 1 ? read(c, attempt) : Optional.empty();
    }

    /** Moves the recipient along with its latest attempt, guarded by its expected status. */
    private void moveRecipient(Connection c, CallAttempt a, RecipientStatus from, RecipientStatus to, String reason,
            Instant at, String detail) throws SQLException {
        int n = Sql.update(c, t.sql("UPDATE {p}recipients SET status = ?, reason = COALESCE(?, reason) "
                        + "WHERE id = ? AND last_attempt = ? AND status = ?"),
                to.wireName(), reason, a.recipientId().value(), a.id().value(), from.wireName());
        if (n == 1) {
            append(c, a, to, at, detail);
        }
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
