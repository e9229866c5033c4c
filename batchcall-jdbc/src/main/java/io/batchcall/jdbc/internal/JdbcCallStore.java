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
    private final BatchAccounts batchAccounts;

    public JdbcCallStore(Jdbc jdbc, Tables t, SqlDialect dialect, BatchAccounts batchAccounts) {
        this(jdbc, t, dialect, batchAccounts, false);
    }

    /** @param durableIntermediate whether ringing and in-progress statuses wait for the WAL flush too */
    public JdbcCallStore(Jdbc jdbc, Tables t, SqlDialect dialect, BatchAccounts batchAccounts,
            boolean durableIntermediate) {
        this.batchAccounts = batchAccounts;
        this.jdbc = jdbc;
        this.accounts = new Accounts(t, dialect);
        EventWriter events = new EventWriter(t, accounts);
        this.claimer = new Claimer(jdbc, t, dialect, accounts, events);
        this.groups = new CarrierGroups(jdbc);
        this.transitions = new AttemptTransitions(jdbc, t, events, dialect.dialect() == Dialect.POSTGRESQL, groups,
                durableIntermediate);
        this.queries = new AttemptQueries(jdbc, t);
    }

    /** Carrier statuses and placements applied in groups of two or more so far (tests, diagnostics). */
    long groupedCarrierStatuses() {
        return groups.grouped();
    }

    @Override
    public List<Claim> claim(ClaimRequest request) {
        return claimer.claim(request);
    }

    @Override
    public boolean markPlaced(AccountId account, AttemptId attempt, String providerCallId, Instant at) {
        return transitions.markPlaced(account.value(), attempt.value(), providerCallId, at);
    }

    @Override
    public Optional<CallAttempt> applyCarrierStatus(AccountId account, AttemptId attempt, CarrierUpdate update) {
        return transitions.applyCarrierStatus(account.value(), attempt.value(), update);
    }

    @Override
    public boolean release(AccountId account, AttemptId attempt, Instant notBefore, String reason, Instant at) {
        return transitions.release(account.value(), attempt.value(), notBefore, reason, at);
    }

    @Override
    public boolean finishUndialed(AccountId account, AttemptId attempt, RecipientStatus outcome, String reason, Instant at) {
        return transitions.finishUndialed(account.value(), attempt.value(), outcome, reason, at);
    }

    @Override
    public boolean settle(AccountId account, AttemptId attempt, Money charged, Instant retryAt, Instant at) {
        return transitions.settle(account.value(), attempt.value(), charged, retryAt, at);
    }

    @Override
    public List<CallAttempt> unsettled(Instant endedBefore, int limit) {
        return queries.unsettled(endedBefore, limit);
    }

    @Override
    public boolean hasUnsettled(AccountId account, BatchId batch) {
        return queries.hasUnsettled(account.value(), batch.value());
    }

    @Override
    public boolean extendLease(AccountId account, AttemptId attempt, String owner, Instant now, Instant leaseUntil) {
        return transitions.extendLease(account.value(), attempt.value(), owner, now, leaseUntil);
    }

    @Override
    public List<CallAttempt> expiredClaims(Instant now, int limit) {
        return queries.expiredClaims(now, limit);
    }

    @Override
    public boolean takeOver(AccountId account, AttemptId attempt, String owner, Instant now, Instant leaseUntil) {
        return transitions.takeOver(account.value(), attempt.value(), owner, now, leaseUntil);
    }

    @Override
    public List<CallAttempt> staleCalls(Instant before, int limit) {
        return queries.staleCalls(before, limit);
    }

    @Override
    public void touch(AccountId account, AttemptId attempt, Instant at) {
        transitions.touch(account.value(), attempt.value(), at);
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
        jdbc.inTransaction(account.value(), "setting inbound calls of account " + account, c -> {
            accounts.setInbound(c, account.value(), calls);
            return null;
        });
    }

    @Override
    public int activeCalls(AccountId account) {
        return jdbc.inTransaction(account.value(), "counting active calls of account " + account, c ->
                accounts.inbound(c, account.value()) + accounts.active(c, account.value(), 0)[0]);
    }

    @Override
    public int activeCalls(BatchId batch) {
        return batchAccounts.of(batch.value()).map(account -> jdbc.inTransaction(account, "counting active calls of batch "
                + batch, c -> accounts.activeInBatch(c, account, batch.value()))).orElse(0);
    }
}
