package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.credit.CreditRules;
import io.batchcall.credit.Decision;
import io.batchcall.credit.HoldState;
import io.batchcall.credit.Purse;
import io.batchcall.credit.Refusal;
import io.batchcall.credit.TopUpDecision;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.CreditLedger;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The reference for one account, run beside a {@link CreditLedger}: each operation is decided by
 * the core's {@link CreditRules} over plain maps and applied to the ledger, and the ledger's
 * answer (or exception, with its type and message) and every available balance must equal the
 * rules' result.
 */
final class LedgerModel {
    static final List<Currency> CURRENCIES = List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"));

    /** One operation: kind 0 top-up, 1 hold, 2 capture, 3 release; key index; micros; currency index. */
    record Op(int kind, int key, int micros, int currency) {
        Money amount() {
            return Money.ofMicros(micros, CURRENCIES.get(currency));
        }

        @Override
        public String toString() {
            return new String[] {"topUp", "hold", "capture", "release"}[kind] + "(k" + key + ", " + amount() + ")";
        }
    }

    private final CreditLedger ledger;
    private final AccountId account;
    private final Map<Currency, Purse> purses = new HashMap<>();
    private final Map<String, HoldState> holds = new HashMap<>();
    private final Set<String> topUpKeys = new HashSet<>();

    LedgerModel(CreditLedger ledger, AccountId account) {
        this.ledger = ledger;
        this.account = account;
    }

    /** The available balance the rules expect in {@code currency}. */
    Money expectedAvailable(Currency currency) {
        return purse(currency).available();
    }

    /** Applies {@code op} to the ledger and the model, and checks that the ledger answered as the rules decided. */
    void apply(Op op) {
        String key = "k" + op.key();
        Money amount = op.amount();
        HoldState state = holds.getOrDefault(key, HoldState.ABSENT);
        switch (op.kind()) {
            case 0 -> topUp(key, amount);
            case 1 -> check(op, key, CreditRules.hold(account, key, amount, purse(amount.currency()), state),
                    () -> ledger.hold(account, amount, key));
            case 2 -> check(op, key, CreditRules.capture(account, key, amount, purse(amount.currency()), state),
                    () -> ledger.capture(account, key, amount));
            default -> {
                Purse purse = state instanceof HoldState.Open open ? purse(open.amount().currency()) : null;
                check(op, key, CreditRules.release(account, key, purse, state), () -> {
                    ledger.release(account, key);
                    return Boolean.FALSE;
                });
            }
        }
    }

    private void topUp(String key, Money amount) {
        TopUpDecision d = CreditRules.topUp(account, key, amount, purse(amount.currency()), topUpKeys.contains(key));
        if (d.refused()) {
            expectRefusal(d.refusal(), () -> ledger.topUp(account, amount, key));
            return;
        }
        ledger.topUp(account, amount, key);
        if (d.applied()) {
            topUpKeys.add(key);
        }
        purses.put(amount.currency(), d.purse());
    }

    private <A> void check(Op op, String key, Decision<A> d, Supplier<?> call) {
        if (d.refused()) {
            expectRefusal(d.refusal(), call::get);
            return;
        }
        Object answer = call.get();
        if (op.kind() != 3) {
            assertThat(answer).as("answer to %s", op).isEqualTo(d.answer());
        }
        if (d.purse() != null) {
            purses.put(d.purse().currency(), d.purse());
        }
        holds.put(key, d.hold());
    }

    private static void expectRefusal(Refusal refusal, Runnable call) {
        RuntimeException expected = refusal.toException();
        assertThatThrownBy(call::run).isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    }

    private Purse purse(Currency currency) {
        return purses.getOrDefault(currency, Purse.empty(currency));
    }
}
