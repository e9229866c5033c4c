package io.batchcall.inmemory;

import io.batchcall.spi.DeadLetterRow;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import io.batchcall.spi.SubscriptionState.Progress;
import io.batchcall.spi.SubscriptionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The subscriptions of an {@link InMemoryStorage}: rows by key and dead letters by id, under this
 * object's lock (they share nothing with the other tables, so they need not share their lock).
 */
final class InMemorySubscriptionStore implements SubscriptionStore {
    private final Map<SubscriptionKey, SubscriptionState> rows = new HashMap<>();
    private final TreeMap<Long, DeadLetterRow> dead = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized SubscriptionState open(SubscriptionKey key, long startCursor) {
        if (startCursor < 0) {
            throw new IllegalArgumentException("startCursor must not be negative, but was " + startCursor);
        }
        return rows.computeIfAbsent(key, k -> SubscriptionState.fresh(k, startCursor));
    }

    @Override
    public synchronized Optional<SubscriptionState> find(SubscriptionKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public synchronized Optional<SubscriptionState> take(SubscriptionKey key, long version, String owner,
            Instant leaseUntil) {
        SubscriptionState r = rows.get(key);
        if (r == null || r.version() != version) {
            return Optional.empty();
        }
        SubscriptionState taken = new SubscriptionState(key, owner, leaseUntil, version + 1, r.cursor(), r.failures(),
                r.retryAt());
        rows.put(key, taken);
        return Optional.of(taken);
    }

    @Override
    public synchronized boolean advance(SubscriptionKey key, String owner, long version, Progress progress) {
        SubscriptionState r = held(key, owner, version);
        if (r == null) {
            return false;
        }
        rows.put(key, r.with(progress));
        return true;
    }

    @Override
    public synchronized boolean deadLetter(SubscriptionKey key, String owner, long version, long sequence, int attempts,
            String error, Instant at, Progress progress) {
        SubscriptionState r = held(key, owner, version);
        if (r == null) {
            return false;
        }
        boolean known = dead.values().stream().anyMatch(d -> d.key().equals(key) && d.sequence() == sequence);
        if (!known) {
            long id = nextId++;
            dead.put(id, new DeadLetterRow(id, key, sequence, attempts, error, at, false));
        }
        rows.put(key, r.with(progress));
        return true;
    }

    @Override
    public synchronized boolean release(SubscriptionKey key, String owner, long version) {
        SubscriptionState r = held(key, owner, version);
        if (r == null) {
            return false;
        }
        rows.put(key, new SubscriptionState(key, null, Instant.EPOCH, version, r.cursor(), r.failures(), r.retryAt()));
        return true;
    }

    private SubscriptionState held(SubscriptionKey key, String owner, long version) {
        SubscriptionState r = rows.get(key);
        return r != null && r.version() == version && owner.equals(r.owner()) ? r : null;
    }

    @Override
    public synchronized List<DeadLetterRow> deadLetters(SubscriptionKey key, boolean redeliverOnly, long afterId,
            int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, but was " + limit);
        }
        List<DeadLetterRow> out = new ArrayList<>();
        for (DeadLetterRow d : dead.tailMap(afterId, false).values()) {
            if (d.key().equals(key) && (!redeliverOnly || d.redeliver())) {
                out.add(d);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public synchronized int requestRedelivery(SubscriptionKey key, long id) {
        int n = 0;
        for (DeadLetterRow d : new ArrayList<>(dead.values())) {
            if (d.key().equals(key) && (id == 0 || d.id() == id)) {
                dead.put(d.id(), new DeadLetterRow(d.id(), key, d.sequence(), d.attempts(), d.lastError(), d.deadAt(),
                        true));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized boolean redelivered(SubscriptionKey key, long id, boolean delivered, String error, Instant at) {
        DeadLetterRow d = dead.get(id);
        if (d == null || !d.key().equals(key)) {
            return false;
        }
        if (delivered) {
            dead.remove(id);
        } else {
            dead.put(id, new DeadLetterRow(id, key, d.sequence(), d.attempts() + 1, error == null ? "unknown" : error,
                    at, false));
        }
        return true;
    }
}
