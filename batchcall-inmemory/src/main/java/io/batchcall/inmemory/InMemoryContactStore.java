package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.policy.FrequencyCap;
import io.batchcall.policy.NumberHash;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.Erasure;
import io.batchcall.spi.Suppression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Contact data of an {@link InMemoryStorage}; see {@link ContactStore} for the rules. */
final class InMemoryContactStore implements ContactStore {
    private final State state;

    InMemoryContactStore(State state) {
        this.state = state;
    }

    @Override
    public int suppress(AccountId account, List<Suppression> entries) {
        synchronized (state) {
            int added = 0;
            for (Suppression s : entries) {
                String key = NumberHash.of(account, s.phone());
                State.SuppressionRow old = state.suppressions.get(key);
                if (old == null) {
                    state.suppressions.put(key, new State.SuppressionRow(account, s.phone().e164(), s.reason(),
                            s.source(), s.at()));
                    added++;
                }
            }
            return added;
        }
    }

    @Override
    public boolean unsuppress(AccountId account, PhoneNumber phone) {
        synchronized (state) {
            return state.suppressions.remove(NumberHash.of(account, phone)) != null;
        }
    }

    @Override
    public Set<PhoneNumber> suppressed(AccountId account, Collection<PhoneNumber> phones) {
        synchronized (state) {
            Set<PhoneNumber> out = new HashSet<>();
            for (PhoneNumber p : phones) {
                if (state.suppressions.containsKey(NumberHash.of(account, p))) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    @Override
    public Suppression suppression(AccountId account, PhoneNumber phone) {
        synchronized (state) {
            State.SuppressionRow row = state.suppressions.get(NumberHash.of(account, phone));
            return row == null ? null : new Suppression(phone, row.reason(), row.source(), row.at());
        }
    }

    @Override
    public Map<PhoneNumber, Instant> reserveDials(AccountId account, List<PhoneNumber> phones, FrequencyCap cap,
            Instant now) {
        synchronized (state) {
            Map<PhoneNumber, Instant> refused = new HashMap<>();
            for (PhoneNumber p : phones) {
                String key = NumberHash.of(account, p);
                FrequencyCap.Decision d = cap.decide(state.recentDials.getOrDefault(key, List.of()), now);
                if (d.allowed()) {
                    state.recentDials.put(key, d.history());
                } else {
                    refused.put(p, d.allowedAt());
                }
            }
            return refused;
        }
    }

    @Override
    public Erasure erase(AccountId account, PhoneNumber phone, Instant at) {
        synchronized (state) {
            String key = NumberHash.of(account, phone);
            state.recentDials.remove(key);
            State.SuppressionRow row = state.suppressions.get(key);
            if (row != null) {
                state.suppressions.put(key, new State.SuppressionRow(account, null, "erased", row.source(),
                        row.at()));
            }
            List<Recipient> hits = new ArrayList<>();
            for (BatchRows rows : state.rows.values()) {
                for (Recipient r : rows.byId.values()) {
                    if (r.phone().equals(phone) && state.accountOf(r.batchId()).equals(account)) {
                        hits.add(r);
                    }
                }
            }
            long attempts = 0;
            Set<Long> erasedIds = new HashSet<>();
            for (Recipient r : hits) {
                erasedIds.add(r.id().value());
                PhoneNumber placeholder = NumberHash.erasedPlaceholder(r.id());
                boolean pending = r.status() == RecipientStatus.PENDING;
                state.putRecipient(new Recipient(r.id(), r.batchId(), placeholder, "", Map.of(), "",
                        pending ? RecipientStatus.SKIPPED : r.status(), r.attempts(), r.notBefore(),
                        pending ? "erased" : null, r.lastAttempt()));
                for (CallAttempt a : List.copyOf(state.attemptsByRecipient.getOrDefault(r.id().value(), List.of()))) {
                    state.putAttempt(new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(),
                            placeholder, a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(),
                            a.placedAt(), a.lastEventAt(), a.endedAt(), a.talkTime(), a.cost(), null));
                    attempts++;
                }
            }
            long events = 0;
            State.EventLogOf log = state.events.get(account);
            if (log != null && !erasedIds.isEmpty()) {
                for (Map.Entry<Long, StatusEvent> e : log.bySequence.entrySet()) {
                    StatusEvent ev = e.getValue();
                    if (ev.recipientId() != null && erasedIds.contains(ev.recipientId().value())) {
                        e.setValue(new StatusEvent(ev.sequence(), ev.at(), ev.account(), ev.batchId(),
                                ev.recipientId(), ev.attemptId(), ev.status(), null));
                        events++;
                    }
                }
            }
            for (Recipient r : hits) {
                if (r.status() == RecipientStatus.PENDING) {
                    state.recipientEvent(at, state.recipients.get(r.id().value()), null, "erased");
                }
            }
            return new Erasure(hits.size(), attempts, events, row != null);
        }
    }

    @Override
    public int purge(Instant finishedBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        synchronized (state) {
            Set<Long> old = new HashSet<>();
            for (Batch b : state.batches.values()) {
                if (b.status().isFinished() && b.finishedAt() != null && b.finishedAt().isBefore(finishedBefore)) {
                    old.add(b.id().value());
                }
            }
            if (old.isEmpty()) {
                return 0;
            }
            int deleted = 0;
            for (State.EventLogOf log : state.events.values()) {
                Iterator<StatusEvent> it = log.bySequence.values().iterator();
                while (it.hasNext() && deleted < limit) {
                    if (old.contains(it.next().batchId().value())) {
                        it.remove();
                        deleted++;
                    }
                }
            }
            Iterator<CallAttempt> it = state.attempts.values().iterator();
            while (it.hasNext() && deleted < limit) {
                CallAttempt a = it.next();
                if (old.contains(a.batchId().value()) && !a.settlementDue() && !a.status().isActive()) {
                    it.remove();
                    List<CallAttempt> history = state.attemptsByRecipient.get(a.recipientId().value());
                    if (history != null) {
                        history.remove(a);
                    }
                    deleted++;
                }
            }
            return deleted;
        }
    }
}
