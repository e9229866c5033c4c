package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.RecipientStatus;
import io.batchcall.rules.AttemptChange;
import io.batchcall.rules.OutcomeRules;
import io.batchcall.spi.OutcomeStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link OutcomeStore} port: load, ask {@link OutcomeRules}, write guarded by the attempt as
 * loaded (a disposition only while the row has none), in one transaction with the events.
 */
public final class JdbcOutcomeStore implements OutcomeStore {
    private static final int CAS_ROUNDS = 5;

    private final Jdbc jdbc;
    private final AttemptTransitions transitions;
    private final String recipientGuard;
    private final String counts;
    private final BatchAccounts batchAccounts;

    /**
     * @param jdbc the connection helper
     * @param t the table names
     * @param dialect the database dialect
     */
    public JdbcOutcomeStore(Jdbc jdbc, Tables t, SqlDialect dialect, BatchAccounts batchAccounts) {
        this.batchAccounts = batchAccounts;
        this.jdbc = jdbc;
        this.transitions = new AttemptTransitions(jdbc, t, new EventWriter(t, new Accounts(t, dialect)), false, null);
        this.recipientGuard = t.sql("SELECT status FROM {p}recipients WHERE account_id = ? AND id = ? AND last_attempt = ?");
        this.counts = t.sql("SELECT disposition_code, COUNT(*) FROM {p}attempts WHERE account_id = ? AND batch_id = ? AND "
                + "disposition_code IS NOT NULL GROUP BY disposition_code");
    }

    @Override
    public Optional<CallAttempt> recordDisposition(AccountId account, AttemptId id, Disposition d, Instant retryAt,
            Instant at) {
        Objects.requireNonNull(d, "disposition must not be null");
        return jdbc.inTransaction(account.value(), "recording disposition " + d.code() + " of attempt " + id, c -> {
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Optional<CallAttempt> a = transitions.read(c, account.value(), id.value());
                if (a.isEmpty()) {
                    return Optional.<CallAttempt>empty();
                }
                Optional<AttemptChange> change = OutcomeRules.disposition(a.get(), d, at);
                if (change.isEmpty()) {
                    return a.map(AttemptRows::asStored);
                }
                if (transitions.apply(c, change.get())) {
                    CallAttempt after = change.get().after();
                    if (retryAt != null) {
                        Optional<AttemptChange> requeue = OutcomeRules.requeue(after, after.status(), retryAt,
                                d.code(), at);
                        if (requeue.isPresent()) {
                            transitions.apply(c, requeue.get());
                        }
                    }
                    return Optional.of(AttemptRows.asStored(after));
                }
            }
            throw new SQLException("attempt " + id + " kept changing under concurrent writers", "40001");
        });
    }

    @Override
    public boolean requeue(AccountId account, AttemptId id, RecipientStatus recipientStatus, Instant notBefore, String detail,
            Instant at) {
        return jdbc.inTransaction(account.value(), "queueing a call back after attempt " + id, c -> {
            Optional<CallAttempt> a = transitions.read(c, account.value(), id.value());
            if (a.isEmpty()) {
                return false;
            }
            Optional<String> status = Sql.first(c, recipientGuard, rs -> rs.getString(1),
                    account.value(), a.get().recipientId().value(), id.value());
            if (status.isEmpty() || !status.get().equals(recipientStatus.wireName())) {
                return false;
            }
            Optional<AttemptChange> change = OutcomeRules.requeue(a.get(), recipientStatus, notBefore, detail, at);
            return change.isPresent() && transitions.apply(c, change.get());
        });
    }

    @Override
    public Map<String, Long> dispositionCounts(BatchId batch) {
        Optional<String> account = batchAccounts.of(batch.value());
        if (account.isEmpty()) {
            return new TreeMap<>();
        }
        return jdbc.inTransaction(account.get(), "counting dispositions of batch " + batch, c -> {
            Map<String, Long> out = new TreeMap<>();
            for (Map.Entry<String, Long> e : Sql.list(c, counts, rs -> Map.entry(rs.getString(1), rs.getLong(2)),
                    account.get(), batch.value())) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        });
    }
}
