package io.batchcall.inmemory;

import io.batchcall.credit.CreditRules;
import io.batchcall.credit.Decision;
import io.batchcall.credit.HoldState;
import io.batchcall.credit.Purse;
import io.batchcall.credit.TopUpDecision;
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
 * A {@link CreditLedger} held in memory. Every operation runs under one lock: it loads the
 * account's {@link Purse} and the key's {@link HoldState}, lets {@link CreditRules} decide, and
 * stores the decision. Keys are remembered for the life of the ledger.
 */
public final class InMemoryCreditLedger implements CreditLedger {
    private record Key(AccountId account, String key) {
    }

    private record PurseId(AccountId account, Currency currency) {
    }

    private final Map<PurseId, Purse> purses = new HashMap<>();
    private final Set<Key> topUps = new HashSet<>();
    private final Map<Key, HoldState> holds = new HashMap<>();

    private InMemoryCreditLedger() {
    }

    /**
     * An empty ledger: every account has nothing available.
     *
     * @return a new ledger
     */
    public static InMemoryCreditLedger create() {
        return new InMemoryCreditLedger();
    }

    @Override
    public synchronized Optional<Hold> hold(AccountId account, Money amount, String key) {
        Objects.requireNonNull(amount, "amount must not be null");
        return store(account, key, CreditRules.hold(account, key, amount, purse(account, amount.currency()),
                state(account, key)));
    }

    @Override
    public synchronized Capture capture(AccountId account, String key, Money actual) {
        Objects.requireNonNull(actual, "actual must not be null");
        return store(account, key, CreditRules.capture(account, key, actual, purse(account, actual.currency()),
                state(account, key)));
    }

    @Override
    public synchronized void release(AccountId account, String key) {
        HoldState state = state(account, key);
        Purse purse = state instanceof HoldState.Open open ? purse(account, open.amount().currency()) : null;
        store(account, key, CreditRules.release(account, key, purse, state));
    }

    @Override
    public synchronized void topUp(AccountId account, Money amount, String key) {
        Objects.requireNonNull(amount, "amount must not be null");
        TopUpDecision d = CreditRules.topUp(account, key, amount, purse(account, amount.currency()),
                topUps.contains(new Key(account, key)));
        d.throwIfRefused();
        if (d.applied()) {
            topUps.add(new Key(account, key));
            purses.put(new PurseId(account, amount.currency()), d.purse());
        }
    }

    @Override
    public synchronized Money available(AccountId account, Currency currency) {
        Objects.requireNonNull(account, "account must not be null");
        return purse(account, Objects.requireNonNull(currency, "currency must not be null")).available();
    }

    private Purse purse(AccountId account, Currency currency) {
        Purse p = purses.get(new PurseId(account, currency));
        return p != null ? p : Purse.empty(currency);
    }

    private HoldState state(AccountId account, String key) {
        return holds.getOrDefault(new Key(account, key), HoldState.ABSENT);
    }

    private <A> A store(AccountId account, String key, Decision<A> d) {
        A answer = d.answerOrThrow();
        if (d.purse() != null) {
            purses.put(new PurseId(account, d.purse().currency()), d.purse());
        }
        if (!(d.hold() instanceof HoldState.Absent)) {
            holds.put(new Key(account, key), d.hold());
        }
        return answer;
    }
}
