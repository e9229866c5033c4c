package io.batchcall.jdbc.internal;

import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientStatus;
import io.batchcall.rules.AttemptRules;
import io.batchcall.spi.CarrierUpdate;
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
 * {@link RecipientStatus#advancesTo}; the attempt's {@code UPDATE … WHERE id = ? AND status IN (…)}
 * is the compare-and-set (READ COMMITTED re-checks it against a concurrent writer's row); an update
 * naming another call id than the recorded one does not match; times never move back
 * ({@code GREATEST} with the previous event); the recipient's change, the account's event counter
 * and the event are made from the {@code RETURNING} row, so they happen exactly when it matched.
 * The testkit's model contract runs these against the rules.
 */
final class OneStatement {
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
                    + "COALESCE(placed_at_us, GREATEST(last_event_at_us, ?)), last_event_at_us = GREATEST("
                    + "last_event_at_us, ?), ended_at_us = " + (end ? "GREATEST(last_event_at_us, ?)" : "?")
                    + ", talk_time_us = ?, reason = " + (end ? "?" : "COALESCE(reason, ?)") + ", settle_due = " + end,
                    "status IN (" + from + ") AND (provider_call_id IS NULL OR CAST(? AS VARCHAR) IS NULL "
                            + "OR provider_call_id = ?)"));
        }
        this.placed = cte(t, "status = ?, provider_call_id = ?, placed_at_us = GREATEST(last_event_at_us, ?), "
                + "last_event_at_us = GREATEST(last_event_at_us, ?)", "status = 'calling'");
    }

    /**
     * Parameters: the SET ones, the attempt id, the guard's, recipient status and reason, event
     * status and detail.
     */
    private static String cte(Tables t, String set, String guard) {
        return t.sql("WITH a AS (UPDATE {p}attempts SET " + set + " WHERE id = ? AND " + guard + " RETURNING "
                + AttemptRows.COLUMNS + "), r AS (UPDATE {p}recipients SET status = ?, reason = ? WHERE id = "
                + "(SELECT recipient_id FROM a) AND last_attempt = (SELECT id FROM a)), s AS (UPDATE {p}accounts SET "
                + "event_seq = event_seq + 1 WHERE account_id = (SELECT account_id FROM a) RETURNING event_seq), "
                + "e AS (INSERT INTO {p}events (seq, at_us, account_id, batch_id, recipient_id, attempt_id, status, "
                + "detail) SELECT s.event_seq, a.last_event_at_us, a.account_id, a.batch_id, a.recipient_id, a.id, ?, ? "
                + "FROM a, s) SELECT " + AttemptRows.COLUMNS + " FROM a");
    }

    /** calling → initiated in one statement; false if the attempt was not calling (the caller decides then). */
    boolean placed(Jdbc jdbc, long attempt, String providerCallId, Instant at) {
        long us = Micros.of(at);
        String initiated = RecipientStatus.INITIATED.wireName();
        return jdbc.statement("marking attempt " + attempt + " placed", c -> Sql.first(c, placed, AttemptRows::map,
                initiated, providerCallId, us, us, attempt, initiated, null, initiated, null)).isPresent();
    }

    Optional<CallAttempt> carrier(Jdbc jdbc, long attempt, CarrierUpdate u) {
        boolean end = u.status().isTerminal();
        long at = Micros.of(u.at());
        String status = u.status().wireName();
        return jdbc.statement("applying carrier status " + u.status() + " to attempt " + attempt, c ->
                Sql.first(c, carrier.get(u.status()), AttemptRows::map, status, u.providerCallId(), at, at,
                        end ? at : null, end ? Micros.of(u.talkTimeOrZero()) : null, end ? u.reason() : null,
                        attempt, u.providerCallId(), u.providerCallId(), status, end ? u.reason() : null, status,
                        u.reason()));
    }
}
