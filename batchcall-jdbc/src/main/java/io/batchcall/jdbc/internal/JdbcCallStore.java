package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link CallStore} port, delegating to the claim, the guarded transitions and the queries. */
public final class JdbcCallStore implements CallStore {
    private final Jdbc jdbc;
    private final Accounts accounts;
    private final Claimer claimer;
    private final AttemptTransitions transitions;
    private final AttemptQueries queries;

    public JdbcCallStore(Jdbc jdbc, Tables t, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.accounts = new Accounts(t, dialect);
        this.claimer = new Claimer(jdbc, t, dialect, accounts);
        this.transitions = new AttemptTransitions(jdbc, t, dialect.dialect() == Dialect.POSTGRESQL);
        this.queries = new AttemptQueries(jdbc, t);
    }

    @Override
    public List<Claim> claim(ClaimRequest request) {
        return claimer.claim(request);
    }

    @Override
    public boolean markPlaced(AttemptId attempt, String providerCallId, Instant at) {
        return transitions.markPlaced(attempt.value(), providerCallId, at);
    }

    @Override
    public Optional<CallAttempt> applyCarrierStatus(AttemptId attempt, CarrierUpdate update) {
        return transitions.applyCarrierStatus(attempt.value(), update);
    }

    @Override
    public boolean release(AttemptId attempt, Instant notBefore, String reason, Instant at) {
        return transitions.release(attempt.value(), notBefore, reason, at);
    }

    @Override
    public boolean finishUndialed(AttemptId attempt, RecipientStatus outcome, String reason, Instant at) {
        return transitions.finishUndialed(attempt.value(), outcome, reason, at);
    }

    @Override
    public boolean requeue(AttemptId attempt, Instant notBefore, Instant at) {
        return transitions.requeue(attempt.value(), notBefore, at);
    }

    @Override
    public void recordCost(AttemptId attempt, Money cost) {
        queries.recordCost(attempt.value(), cost);
    }

    @Override
    public List<CallAttempt> expiredClaims(Instant now, int limit) {
        return queries.expiredClaims(now, limit);
    }

    @Override
    public boolean takeOver(AttemptId attempt, String owner, Instant now, Instant leaseUntil) {
        return queries.takeOver(attempt.value(), owner, now, leaseUntil);
    }

    @Override
    public List<CallAttempt> staleCalls(Instant before, int limit) {
        return queries.staleCalls(before, limit);
    }

    @Override
    public void touch(AttemptId attempt, Instant at) {
        queries.touch(attempt.value(), at);
    }

    @Override
    public Optional<CallAttempt> attempt(AttemptId attempt) {
        return queries.attempt(attempt.value());
    }

    @Override
    public List<CallAttempt> attempts(RecipientId recipient) {
        return queries.attempts(recipient.value());
    }

    @Override
    public void setInboundCalls(AccountId account, int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("inbound calls must not be negative, but was " + calls);
        }
        jdbc.inTransaction("setting inbound calls of account " + account, c -> {
            accounts.setInbound(c, account.value(), calls);
            return null;
        });
    }

    @Override
    public int activeCalls(AccountId account) {
        return jdbc.inTransaction("counting active calls of account " + account, c ->
                accounts.inbound(c, account.value()) + accounts.active(c, account.value(), 0)[0]);
    }

    @Override
    public int activeCalls(BatchId batch) {
        return jdbc.inTransaction("counting active calls of batch " + batch, c -> accounts.activeInBatch(c,
                batch.value()));
    }
}
