package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.RecipientStatus;
import io.batchcall.rules.AttemptChange;
import io.batchcall.rules.OutcomeRules;
import io.batchcall.spi.OutcomeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Dispositions and call backs of an {@link InMemoryStorage}; see {@link OutcomeStore} for the rules. */
final class InMemoryOutcomeStore implements OutcomeStore {
    private final State state;

    InMemoryOutcomeStore(State state) {
        this.state = state;
    }

    @Override
    public Optional<CallAttempt> recordDisposition(AccountId account, AttemptId id, Disposition d, Instant retryAt,
            Instant at) {
        Objects.requireNonNull(d, "disposition must not be null");
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            if (a == null) {
                return Optional.empty();
            }
            Optional<AttemptChange> change = OutcomeRules.disposition(a, d, at);
            if (change.isEmpty()) {
                return Optional.of(a);
            }
            state.apply(change.get());
            CallAttempt after = change.get().after();
            if (retryAt != null) {
                OutcomeRules.requeue(after, after.status(), retryAt, d.code(), at).ifPresent(state::apply);
            }
            return Optional.of(after);
        }
    }

    @Override
    public boolean requeue(AccountId account, AttemptId id, RecipientStatus recipientStatus, Instant notBefore, String detail,
            Instant at) {
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            if (a == null) {
                return false;
            }
            var r = state.recipients.get(a.recipientId().value());
            if (r == null || !id.equals(r.lastAttempt()) || r.status() != recipientStatus) {
                return false;
            }
            Optional<AttemptChange> change = OutcomeRules.requeue(a, recipientStatus, notBefore, detail, at);
            change.ifPresent(state::apply);
            return change.isPresent();
        }
    }

    @Override
    public Map<String, Long> dispositionCounts(BatchId batch) {
        Map<String, Long> counts = new TreeMap<>();
        synchronized (state) {
            for (List<CallAttempt> history : state.attemptsByRecipient.values()) {
                for (CallAttempt a : history) {
                    if (a.batchId().equals(batch) && a.disposition() != null) {
                        counts.merge(a.disposition().code(), 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
