package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.rules.AttemptChange;
import io.batchcall.rules.AttemptRules;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Claims and call attempts of an {@link InMemoryStorage}; see {@link CallStore} for the rules. */
final class InMemoryCallStore implements CallStore {
    private final State state;

    InMemoryCallStore(State state) {
        this.state = state;
    }

    @Override
    public List<Claim> claim(ClaimRequest req) {
        synchronized (state) {
            BatchRows rows = state.rows.get(req.batch().value());
            if (rows == null) {
                return List.of();
            }
            Batch batch = state.batches.get(req.batch().value());
            if (!batch.account().equals(req.account())) {
                throw new IllegalArgumentException("claim for batch " + batch.id() + " names account " + req.account()
                        + ", but the batch belongs to " + batch.account());
            }
            int n = Math.min(req.max(), req.policy().freeSlots(activeCalls(req.account()), rows.active));
            List<Recipient> chosen = new ArrayList<>();
            for (Recipient r : rows.pending) {
                if (chosen.size() >= n || r.notBefore().isAfter(req.now())) {
                    break;
                }
                if (req.zoneKeys() == null || req.zoneKeys().contains(r.zoneKey())) {
                    chosen.add(r);
                }
            }
            List<Claim> claims = new ArrayList<>();
            for (Recipient r : chosen) {
                Claim claim = AttemptRules.claim(r, state.nextAttemptId(), req);
                state.putRecipient(claim.recipient());
                state.putAttempt(claim.attempt());
                state.recipientEvent(req.now(), claim.recipient(), claim.attempt().id(), null);
                claims.add(claim);
            }
            return claims;
        }
    }

    @Override
    public boolean markPlaced(AccountId account, AttemptId id, String providerCallId, Instant at) {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            if (a == null) {
                return false;
            }
            AttemptRules.Placement p = AttemptRules.placed(a, providerCallId, at);
            p.change().ifPresent(state::apply);
            return p.accepted();
        }
    }

    @Override
    public Optional<CallAttempt> applyCarrierStatus(AccountId account, AttemptId id, CarrierUpdate u) {
        return change(account, id, a -> AttemptRules.carrierStatus(a, u));
    }

    @Override
    public boolean release(AccountId account, AttemptId id, Instant notBefore, String reason, Instant at) {
        return change(account, id, a -> AttemptRules.release(a, notBefore, reason, at)).isPresent();
    }

    @Override
    public boolean finishUndialed(AccountId account, AttemptId id, RecipientStatus outcome, String reason, Instant at) {
        if (outcome != RecipientStatus.SKIPPED && outcome != RecipientStatus.FAILED) {
            throw new IllegalArgumentException("an undialed claim ends skipped or failed, but the outcome was "
                    + outcome.wireName());
        }
        return change(account, id, a -> AttemptRules.finishUndialed(a, outcome, reason, at)).isPresent();
    }

    @Override
    public boolean settle(AccountId account, AttemptId id, Money charged, Instant retryAt, Instant at) {
        Objects.requireNonNull(charged, "charged must not be null");
        return change(account, id, a -> AttemptRules.settle(a, charged, retryAt, at)).isPresent();
    }

    @Override
    public List<CallAttempt> unsettled(Instant endedBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        synchronized (state) {
            return state.unsettled.stream().map(state.attempts::get).filter(a -> a.endedAt().isBefore(endedBefore))
                    .sorted(Comparator.comparing(CallAttempt::endedAt).thenComparing(CallAttempt::id)).limit(limit)
                    .toList();
        }
    }

    @Override
    public boolean hasUnsettled(AccountId account, BatchId batch) {
        synchronized (state) {
            return state.unsettled.stream().anyMatch(id -> state.attempts.get(id).batchId().equals(batch)
                    && state.attempts.get(id).account().equals(account));
        }
    }

    @Override
    public boolean extendLease(AccountId account, AttemptId id, String owner, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            Optional<CallAttempt> next = a == null ? Optional.empty()
                    : AttemptRules.extendLease(a, owner, now, leaseUntil);
            next.ifPresent(state::putAttempt);
            return next.isPresent();
        }
    }

    /** Loads the attempt, asks the rule, applies its change atomically; the changed attempt, if any. */
    private Optional<CallAttempt> change(AccountId account, AttemptId id,
            Function<CallAttempt, Optional<AttemptChange>> rule) {
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            if (a == null) {
                return Optional.empty();
            }
            Optional<AttemptChange> change = rule.apply(a);
            change.ifPresent(state::apply);
            return change.map(AttemptChange::after);
        }
    }

    @Override
    public List<CallAttempt> expiredClaims(Instant now, int limit) {
        return openAttempts(a -> a.status() == RecipientStatus.CALLING && a.leaseUntil().isBefore(now),
                CallAttempt::leaseUntil, limit);
    }

    @Override
    public boolean takeOver(AccountId account, AttemptId id, String owner, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            Optional<CallAttempt> next = a == null ? Optional.empty() : AttemptRules.takeOver(a, owner, now, leaseUntil);
            next.ifPresent(state::putAttempt);
            return next.isPresent();
        }
    }

    @Override
    public List<CallAttempt> staleCalls(Instant before, int limit) {
        return openAttempts(a -> a.status() != RecipientStatus.CALLING && a.lastEventAt().isBefore(before),
                CallAttempt::lastEventAt, limit);
    }

    @Override
    public void touch(AccountId account, AttemptId id, Instant at) {
        synchronized (state) {
            CallAttempt a = state.attempt(account, id);
            if (a != null) {
                AttemptRules.heard(a, at).ifPresent(state::putAttempt);
            }
        }
    }

    @Override
    public Optional<CallAttempt> attempt(AttemptId id) {
        synchronized (state) {
            return Optional.ofNullable(state.attempts.get(id.value()));
        }
    }

    @Override
    public List<CallAttempt> attempts(RecipientId recipient) {
        synchronized (state) {
            return List.copyOf(state.attemptsByRecipient.getOrDefault(recipient.value(), List.of()));
        }
    }

    @Override
    public void setInboundCalls(AccountId account, int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("inbound calls must not be negative, but was " + calls);
        }
        synchronized (state) {
            state.inbound.put(account, calls);
        }
    }

    @Override
    public int activeCalls(AccountId account) {
        synchronized (state) {
            return state.inbound.getOrDefault(account, 0) + state.outboundActive.getOrDefault(account, 0);
        }
    }

    @Override
    public int activeCalls(BatchId batch) {
        synchronized (state) {
            BatchRows rows = state.rows.get(batch.value());
            return rows == null ? 0 : rows.active;
        }
    }

    private List<CallAttempt> openAttempts(Predicate<CallAttempt> filter, Function<CallAttempt, Instant> order,
            int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        synchronized (state) {
            return state.openAttempts.stream().map(id -> state.attempts.get(id)).filter(filter)
                    .sorted(Comparator.comparing(order).thenComparing(CallAttempt::id)).limit(limit).toList();
        }
    }
}
