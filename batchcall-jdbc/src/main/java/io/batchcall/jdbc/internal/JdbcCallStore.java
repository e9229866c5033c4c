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
    private final CarrierGroups groups;

    public JdbcCallStore(Jdbc jdbc, Tables t, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.accounts = new Accounts(t, dialect);
        EventWriter events = new EventWriter(t, accounts);
        this.claimer = new Claimer(jdbc, t, dialect, accounts, events);
        this.groups = new CarrierGroups(jdbc);
        this.transitions = new AttemptTransitions(jdbc, t, events, dialect.dialect() == Dialect.POSTGRESQL, groups);
        this.queries = new AttemptQueries(jdbc, t);
    }

    /** Carrier statuses and placements applied in groups of two or more so far (tests, diagnostics). */
    long groupedCarrierStatuses() {
        return groups.grouped();
    }

    @Override
    public List<Claim> claim(ClaimRequest request) {
        List<Claim> claims = claimer.claim(request);
        for (Claim c : claims) {
            groups.remember(c.attempt().id().value(), request.account().value());
        }
        return claims;
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
    public boolean settle(AttemptId attempt, Money charged, Instant retryAt, Instant at) {
        return transitions.settle(attempt.value(), charged, retryAt, at);
    }

    @Override
    public List<CallAttempt> unsettled(Instant endedBefore, int limit) {
        return queries.unsettled(endedBefore, limit);
    }

    @Override
    public boolean hasUnsettled(BatchId batch) {
        return queries.hasUnsettled(batch.value());
    }

    @Override
    public boolean extendLease(AttemptId attempt, String owner, Instant now, Instant leaseUntil) {
        return transitions.extendLease(attempt.value(), owner, now, leaseUntil);
    }

    @Override
    public List<CallAttempt> expiredClaims(Instant now, int limit) {
        return queries.expiredClaims(now, limit);
    }

    @Override
    public boolean takeOver(AttemptId attempt, String owner, Instant now, Instant leaseUntil) {
        return transitions.takeOver(attempt.value(), owner, now, leaseUntil);
    }

    @Override
    public List<CallAttempt> staleCalls(Instant before, int limit) {
        return queries.staleCalls(before, limit);
    }

    @Override
    public void touch(AttemptId attempt, Instant at) {
        transitions.touch(attempt.value(), at);
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
