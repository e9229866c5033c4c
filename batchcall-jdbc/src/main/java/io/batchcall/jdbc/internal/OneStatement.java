package io.batchcall.jdbc.internal;

import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientStatus;
import io.batchcall.rules.AttemptRules;
import io.batchcall.spi.CarrierUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL: placement and carrier status as one statement each (data-modifying CTEs), one round
 * trip instead of five. Each encodes {@link AttemptRules#placed} / {@link AttemptRules#carrierStatus}
 * exactly: the statuses an update may come from are computed from
 * {@link RecipientStatus#advancesTo}; the attempt's {@code UPDATE … WHERE account_id = ? AND id = ? AND status IN (…)}
 * is the compare-and-set (READ COMMITTED re-checks it against a concurrent writer's row); an update
 * naming another call id than the recorded one does not match; times never move back
 * ({@code GREATEST} with the previous event); the recipient's change, the account's event counter
 * and the event are made from the {@code RETURNING} row, so they happen exactly when it matched.
 * The testkit's model contract runs these against the rules.
 */
final class OneStatement {
    /**
     * Appended to the guard of an intermediate status's statement when it may commit without
     * waiting for the WAL flush: {@code set_config(…, true)} lasts until the statement's (or the
     * group's) transaction ends, and the commit reads it.
     */
    private static final String NO_FLUSH = " AND set_config('synchronous_commit', 'off', true) IS NOT NULL";

    private final Map<RecipientStatus, String> carrier = new EnumMap<>(RecipientStatus.class);
    private final Map<RecipientStatus, String> carrierNoFlush = new EnumMap<>(RecipientStatus.class);
    private final String placed;

    OneStatement(Tables t) {
        for (RecipientStatus to : RecipientStatus.values()) {
            if (!to.isCarrierStatus()) {
                continue;
            }
            String from = Arrays.stream(RecipientStatus.values()).filter(s -> s.advancesTo(to))
                    .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
            boolean end = to.isTerminal();
            String set = "status = ?, provider_call_id = COALESCE(provider_call_id, ?), placed_at_us = "
                    + "COALESCE(placed_at_us, GREATEST(last_event_at_us, ?)), last_event_at_us = GREATEST("
                    + "last_event_at_us, ?), ended_at_us = " + (end ? "GREATEST(last_event_at_us, ?)" : "?")
                    + ", talk_time_us = ?, reason = " + (end ? "?" : "COALESCE(reason, ?)") + ", settle_due = " + end;
            String guard = "status IN (" + from + ") AND (provider_call_id IS NULL OR CAST(? AS VARCHAR) IS NULL "
                    + "OR provider_call_id = ?)";
            carrier.put(to, cte(t, set, guard));
            carrierNoFlush.put(to, cte(t, set, guard + NO_FLUSH));
        }
        this.placed = cte(t, "status = ?, provider_call_id = ?, placed_at_us = GREATEST(last_event_at_us, ?), "
                + "last_event_at_us = GREATEST(last_event_at_us, ?)", "status = 'calling'");
    }

    /**
     * Parameters: the SET ones, the account and attempt id, the guard's, recipient status and reason,
     * the account twice more (recipient, event counter), event status and detail. Every table is
     * reached by its account (a sharded database routes the statement to the account's shard).
     */
    private static String cte(Tables t, String set, String guard) {
        return t.sql("WITH a AS (UPDATE {p}attempts SET " + set + " WHERE account_id = ? AND id = ? AND " + guard + " RETURNING "
                + AttemptRows.COLUMNS + "), r AS (UPDATE {p}recipients SET status = ?, reason = ? WHERE account_id = ? AND id = "
                + "(SELECT recipient_id FROM a) AND last_attempt = (SELECT id FROM a)), s AS (UPDATE {p}accounts SET "
                + "event_seq = event_seq + 1 WHERE account_id = ? AND EXISTS (SELECT 1 FROM a) RETURNING event_seq), "
                + "e AS (INSERT INTO {p}events (seq, at_us, account_id, batch_id, recipient_id, attempt_id, status, "
                + "detail) SELECT s.event_seq, a.last_event_at_us, a.account_id, a.batch_id, a.recipient_id, a.id, ?, ? "
                + "FROM a, s) SELECT " + AttemptRows.COLUMNS + " FROM a");
    }

    /** Whether a status may commit without waiting for the WAL flush: one the final status supersedes. */
    static boolean intermediate(RecipientStatus s) {
        return s == RecipientStatus.RINGING || s == RecipientStatus.IN_PROGRESS;
    }

    /** calling → initiated in one statement; false if the attempt was not calling (the caller decides then). */
    boolean placed(Connection c, String account, long attempt, String providerCallId, Instant at) throws SQLException {
        long us = Micros.of(at);
        String initiated = RecipientStatus.INITIATED.wireName();
        return Sql.first(c, placed, AttemptRows::map, initiated, providerCallId, us, us, account, attempt, initiated,
                null, account, account, initiated, null).isPresent();
    }

    /**
     * The carrier status in one statement; {@code noFlush} lets an {@linkplain #intermediate
     * intermediate} status commit without waiting for the WAL flush.
     */
    Optional<CallAttempt> carrier(Connection c, String account, long attempt, CarrierUpdate u, boolean noFlush)
            throws SQLException {
        boolean end = u.status().isTerminal();
        long at = Micros.of(u.at());
        String status = u.status().wireName();
        String sql = (noFlush && intermediate(u.status()) ? carrierNoFlush : carrier).get(u.status());
        return Sql.first(c, sql, AttemptRows::map, status, u.providerCallId(), at, at, end ? at : null,
                end ? Micros.of(u.talkTimeOrZero()) : null, end ? u.reason() : null, account, attempt, u.providerCallId(),
                u.providerCallId(), status, end ? u.reason() : null, account, account, status, u.reason());
    }
}
