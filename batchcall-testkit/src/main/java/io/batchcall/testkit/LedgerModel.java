package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Optional;
import java.util.Set;

/**
 * A plain model of one account's credit in one currency, run beside a {@link CreditLedger}: each
 * operation is applied to both, and the ledger's answer is checked against the model's.
 */
final class LedgerModel {
    /** One random operation: kind 0 top-up, 1 hold, 2 capture, 3 release; key index; amount in micros. */
    record Op(int kind, int key, int micros) {
        @Override
        public String toString() {
            return new String[] {"topUp", "hold", "capture", "release"}[kind] + "(k" + key + ", " + micros + ")";
        }
    }

    private final CreditLedger ledger;
    private final AccountId account;
    private final Currency currency;
    private final Set<String> topUpKeys = new HashSet<>();
    private final Map<String, Long> open = new HashMap<>();
    private final Set<String> released = new HashSet<>();
    private final Map<String, Capture> captures = new HashMap<>();
    private long topUps;
    private long captured;

    LedgerModel(CreditLedger ledger, AccountId account, Currency currency) {
        this.ledger = ledger;
        this.account = account;
        this.currency = currency;
    }

    long topUps() {
        return topUps;
    }

    long captured() {
        return captured;
    }

    long openHolds() {
        return open.values().stream().mapToLong(Long::longValue).sum();
    }

    long expectedAvailable() {
        return topUps - captured - openHolds();
    }

    void apply(Op op) {
        String key = "k" + op.key();
        Money amount = Money.ofMicros(op.micros(), currency);
        switch (op.kind()) {
            case 0 -> topUp(key, amount);
            case 1 -> hold(key, amount);
            case 2 -> capture(key, amount);
            default -> release(key);
        }
    }

    private void topUp(String key, Money amount) {
        if (amount.isZero()) {
            assertThatThrownBy(() -> ledger.topUp(account, amount, key)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        ledger.topUp(account, amount, key);
        if (topUpKeys.add(key)) {
            topUps += amount.micros();
        }
    }

    private void hold(String key, Money amount) {
        if (captures.containsKey(key) || released.contains(key)) {
            assertThatThrownBy(() -> ledger.hold(account, amount, key))
                    .isInstanceOf(IllegalStateTransitionException.class);
            return;
        }
        Optional<Hold> hold = ledger.hold(account, amount, key);
        if (open.containsKey(key)) {
            assertThat(hold).contains(new Hold(account, key, Money.ofMicros(open.get(key), currency)));
        } else if (expectedAvailable() >= amount.micros()) {
            assertThat(hold).contains(new Hold(account, key, amount));
            open.put(key, amount.micros());
        } else {
            assertThat(hold).isEmpty();
        }
    }

    private void capture(String key, Money actual) {
        Capture capture = ledger.capture(account, key, actual);
        if (captures.containsKey(key)) {
            assertThat(capture).isEqualTo(captures.get(key));
            return;
        }
        long held = open.getOrDefault(key, 0L);
        long charged = Math.min(actual.micros(), expectedAvailable() + held);
        assertThat(capture).isEqualTo(new Capture(Money.ofMicros(charged, currency),
                Money.ofMicros(actual.micros() - charged, currency)));
        open.remove(key);
        captured += charged;
        captures.put(key, capture);
    }

    private void release(String key) {
        ledger.release(account, key);
        if (open.remove(key) != null) {
            released.add(key);
        }
    }
}
