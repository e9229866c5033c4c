package io.batchcall.inmemory;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Hold;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CreditLedger} held in memory: the reference model of the ledger contract. Every
 * operation runs under one lock. Keys are remembered for the life of the ledger.
 */
public final class InMemoryCreditLedger implements CreditLedger {
    private record Key(AccountId account, String key) {
    }

    private record Purse(AccountId account, Currency currency) {
    }

    /** A hold key's state: an open hold, or how it ended. */
    private record Entry(Hold hold, boolean open, Capture capture) {
    }

    private final Map<Purse, Long> available = new HashMap<>();
    private final Set<Key> topUps = new HashSet<>();
    private final Map<Key, Entry> holds = new HashMap<>();

    private InMemoryCreditLedger() {
    }

    /** An empty ledger: every account has nothing available. */
    public static InMemoryCreditLedger create() {
        return new InMemoryCreditLedger();
    }

    @Override
    public synchronized Optional<Hold> hold(AccountId account, Money amount, String key) {
        Key k = key(account, key);
        Objects.requireNonNull(amount, "amount must not be null");
        Entry e = holds.get(k);
        if (e != null) {
            if (e.open()) {
                return Optional.of(e.hold());
            }
            throw new IllegalStateTransitionException("hold key '" + key + "' of account " + account + " was already "
                    + (e.capture() != null ? "captured" : "released") + " and cannot be held again");
        }
        Purse purse = new Purse(account, amount.currency());
        long free = available.getOrDefault(purse, 0L);
        if (free < amount.micros()) {
            return Optional.empty();
        }
        available.put(purse, free - amount.micros());
        Hold hold = new Hold(account, key, amount);
        holds.put(k, new Entry(hold, true, null));
        return Optional.of(hold);
    }

    @Override
    public synchronized Capture capture(AccountId account, String key, Money actual) {
        Key k = key(account, key);
        Objects.requireNonNull(actual, "actual must not be null");
        Entry e = holds.get(k);
        if (e != null && e.capture() != null) {
            return e.capture();
        }
        Purse purse = new Purse(account, actual.currency());
        long free = available.getOrDefault(purse, 0L);
        if (e != null && e.open()) {
            if (!e.hold().amount().currency().equals(actual.currency())) {
                throw new IllegalArgumentException("capture of hold '" + key + "' must be in "
                        + e.hold().amount().currency() + ", but was " + actual);
            }
            free += e.hold().amount().micros();
        }
        long charged = Math.min(free, actual.micros());
        available.put(purse, free - charged);
        Capture capture = new Capture(Money.ofMicros(charged, actual.currency()),
                Money.ofMicros(actual.micros() - charged, actual.currency()));
        holds.put(k, new Entry(e == null ? null : e.hold(), false, capture));
        return capture;
    }

    @Override
    public synchronized void release(AccountId account, String key) {
        Key k = key(account, key);
        Entry e = holds.get(k);
        if (e != null && e.open()) {
            available.merge(new Purse(account, e.hold().amount().currency()), e.hold().amount().micros(), Long::sum);
            holds.put(k, new Entry(e.hold(), false, null));
        }
    }

    @Override
    public synchronized void topUp(AccountId account, Money amount, String key) {
        Key k = key(account, key);
        Objects.requireNonNull(amount, "amount must not be null");
        if (amount.isZero()) {
            throw new IllegalArgumentException("top-up amount must be positive, but was " + amount);
        }
        if (topUps.add(k)) {
            available.merge(new Purse(account, amount.currency()), amount.micros(), Math::addExact);
        }
    }

    @Override
    public synchronized Money available(AccountId account, Currency currency) {
        Objects.requireNonNull(account, "account must not be null");
        return Money.ofMicros(available.getOrDefault(new Purse(account, currency), 0L), currency);
    }

    private static Key key(AccountId account, String key) {
        Objects.requireNonNull(account, "account must not be null");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty, but was " + (key == null ? "null" : "''"));
        }
        return new Key(account, key);
    }
}
