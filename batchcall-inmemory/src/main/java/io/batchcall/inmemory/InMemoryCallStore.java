package io.batchcall.inmemory;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.NotFoundException;
import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
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
                AttemptId id = state.nextAttemptId();
                Recipient next = Changes.recipient(r, RecipientStatus.CALLING, r.attempts() + 1, r.notBefore(), null, id);
                CallAttempt attempt = Changes.claimed(id, next, req.account(), req.owner(), req.now(), req.leaseUntil());
                state.putRecipient(next);
                state.putAttempt(attempt);
                state.recipientEvent(req.now(), next, id, null);
                claims.add(new Claim(next, attempt));
            }
            return claims;
        }
    }

    @Override
    public boolean markPlaced(AttemptId id, String providerCallId, Instant at) {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null) {
                return false;
            }
            if (a.status() == RecipientStatus.CALLING) {
                apply(Changes.placed(a, providerCallId, at), RecipientStatus.INITIATED, null, at, null);
                return true;
            }
            if (a.placedAt() == null || (a.providerCallId() != null && !a.providerCallId().equals(providerCallId))) {
                return false;
            }
            if (a.providerCallId() == null) {
                state.putAttempt(Changes.callId(a, providerCallId));
            }
            return true;
        }
    }

    @Override
    public Optional<CallAttempt> applyCarrierStatus(AttemptId id, CarrierUpdate u) {
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null || !a.status().advancesTo(u.status())) {
                return Optional.empty();
            }
            CallAttempt next = Changes.carrier(a, u);
            apply(next, u.status(), u.status().isTerminal() ? u.reason() : null, u.at(), u.reason());
            return Optional.of(next);
        }
    }

    @Override
    public boolean release(AttemptId id, Instant notBefore, String reason, Instant at) {
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null || a.status() != RecipientStatus.CALLING) {
                return false;
            }
            state.putAttempt(Changes.undialed(a, RecipientStatus.SKIPPED, reason, at));
            Recipient r = state.recipients.get(a.recipientId().value());
            Recipient next = Changes.recipient(r, RecipientStatus.PENDING, Math.max(0, r.attempts() - 1), notBefore,
                    null, r.lastAttempt());
            state.putRecipient(next);
            state.recipientEvent(at, next, id, reason);
            return true;
        }
    }

    @Override
    public boolean finishUndialed(AttemptId id, RecipientStatus outcome, String reason, Instant at) {
        if (outcome != RecipientStatus.SKIPPED && outcome != RecipientStatus.FAILED) {
            throw new IllegalArgumentException("an undialed claim ends skipped or failed, but the outcome was "
                    + outcome.wireName());
        }
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null || a.status() != RecipientStatus.CALLING) {
                return false;
            }
            apply(Changes.undialed(a, outcome, reason, at), outcome, reason, at, reason);
            return true;
        }
    }

    @Override
    public boolean requeue(AttemptId id, Instant notBefore, Instant at) {
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null || !a.status().isFailure()) {
                return false;
            }
            Recipient r = state.recipients.get(a.recipientId().value());
            if (!id.equals(r.lastAttempt()) || r.status() != a.status()) {
                return false;
            }
            Recipient next = Changes.recipient(r, RecipientStatus.PENDING, r.attempts(), notBefore, null, id);
            state.putRecipient(next);
            state.recipientEvent(at, next, id, null);
            return true;
        }
    }

    @Override
    public void recordCost(AttemptId id, Money cost) {
        Objects.requireNonNull(cost, "cost must not be null");
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null) {
                throw new NotFoundException("attempt " + id + " does not exist");
            }
            if (!a.status().isTerminal()) {
                throw new IllegalStateTransitionException("attempt " + id + " has not ended (it is "
                        + a.status().wireName() + "), so its cost cannot be recorded yet");
            }
            if (a.cost() == null) {
                state.putAttempt(Changes.cost(a, cost));
            }
        }
    }

    @Override
    public List<CallAttempt> expiredClaims(Instant now, int limit) {
        return openAttempts(a -> a.status() == RecipientStatus.CALLING && a.leaseUntil().isBefore(now),
                CallAttempt::leaseUntil, limit);
    }

    @Override
    public boolean takeOver(AttemptId id, String owner, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a == null || a.status() != RecipientStatus.CALLING || !a.leaseUntil().isBefore(now)) {
                return false;
            }
            state.putAttempt(Changes.lease(a, owner, leaseUntil));
            return true;
        }
    }

    @Override
    public List<CallAttempt> staleCalls(Instant before, int limit) {
        return openAttempts(a -> a.status() != RecipientStatus.CALLING && a.lastEventAt().isBefore(before),
                CallAttempt::lastEventAt, limit);
    }

    @Override
    public void touch(AttemptId id, Instant at) {
        synchronized (state) {
            CallAttempt a = state.attempts.get(id.value());
            if (a != null && a.status().isActive() && a.status() != RecipientStatus.CALLING
                    && at.isAfter(a.lastEventAt())) {
                state.putAttempt(Changes.heard(a, at));
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

    /**
     * Stores a changed attempt and, if it is the recipient's latest, moves the recipient to
     * {@code status} with {@code reason}; appends the event either way.
     */
    private void apply(CallAttempt next, RecipientStatus status, String reason, Instant at, String detail) {
        state.putAttempt(next);
        Recipient r = state.recipients.get(next.recipientId().value());
        if (next.id().equals(r.lastAttempt())) {
            r = Changes.recipient(r, status, reason);
            state.putRecipient(r);
        }
        state.attemptEvent(at, r, next.id(), status, detail);
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
