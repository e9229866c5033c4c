package io.batchcall.credit;

import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One account's ledger as plain maps, every operation decided by {@link CreditRules}: the fold a
 * minimal adapter performs, plus the tallies the properties compare with (top-ups added and
 * amounts charged, per currency).
 */
final class Book {
    static final AccountId ACCOUNT = AccountId.of("acme");
    static final List<Currency> CURRENCIES = List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"));

    /** One operation: kind 0 top-up, 1 hold, 2 capture, 3 release; key index; micros; currency index. */
    record Op(int kind, int key, long micros, int currency) {
        String keyName() {
            return "k" + key;
        }

        Money amount() {
            return Money.ofMicros(micros, CURRENCIES.get(currency));
        }

        @Override
        public String toString() {
            return new String[] {"topUp", "hold", "capture", "release"}[kind] + "(k" + key + ", " + amount() + ")";
        }
    }

    /** The result of one operation: the answer or the refusal, and the states before and after. */
    record Step(Object answer, Refusal refusal, Purse before, Purse after, HoldState stateBefore,
            HoldState stateAfter) {
    }

    final Map<Currency, Purse> purses = new HashMap<>();
    final Map<String, HoldState> holds = new HashMap<>();
    final Set<String> topUpKeys = new HashSet<>();
    final Map<Currency, Long> toppedUp = new HashMap<>();
    final Map<Currency, Long> charged = new HashMap<>();

    Purse purse(Currency currency) {
        return purses.getOrDefault(currency, Purse.empty(currency));
    }

    HoldState state(String key) {
        return holds.getOrDefault(key, HoldState.ABSENT);
    }

    Step apply(Op op) {
        String key = op.keyName();
        Money amount = op.amount();
        HoldState state = state(key);
        switch (op.kind()) {
            case 0 -> {
                Purse before = purse(amount.currency());
                TopUpDecision d = CreditRules.topUp(ACCOUNT, key, amount, before, topUpKeys.contains(key));
                if (d.applied()) {
                    topUpKeys.add(key);
                    toppedUp.merge(amount.currency(), amount.micros(), Long::sum);
                }
                purses.put(amount.currency(), d.purse());
                return new Step(d.applied(), d.refusal(), before, d.purse(), state, state);
            }
            case 1 -> {
                Purse before = purse(amount.currency());
                return store(key, before, state, CreditRules.hold(ACCOUNT, key, amount, before, state));
            }
            case 2 -> {
                Purse before = purse(amount.currency());
                Decision<?> d = CreditRules.capture(ACCOUNT, key, amount, before, state);
                if (!d.refused() && !(state instanceof HoldState.Captured)) {
                    charged.merge(amount.currency(), ((io.batchcall.spi.Capture) d.answer()).charged().micros(),
                            Long::sum);
                }
                return store(key, before, state, d);
            }
            default -> {
                Purse before = state instanceof HoldState.Open open ? purse(open.amount().currency()) : null;
                return store(key, before, state, CreditRules.release(ACCOUNT, key, before, state));
            }
        }
    }

    private Step store(String key, Purse before, HoldState state, Decision<?> d) {
        if (d.purse() != null) {
            purses.put(d.purse().currency(), d.purse());
        }
        holds.put(key, d.hold());
        return new Step(d.answer(), d.refusal(), before, d.purse(), state, d.hold());
    }
}
