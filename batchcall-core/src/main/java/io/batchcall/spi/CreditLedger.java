package io.batchcall.spi;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import java.util.Currency;
import java.util.Optional;

/**
 * The billing port: the account's credit, with holds placed before dials and captured at the real
 * cost afterwards. Every write is idempotent by its key, so a retried call never charges twice.
 * The available balance (top-ups − captures − open holds) never goes below zero through this port.
 * Thread-safe, and on a shared database safe across nodes.
 *
 * <p>Keys are scoped by account, and top-up keys are separate from hold keys (the same string may
 * name a top-up and a hold). A hold key names one dial: held, then captured or released, once.
 * Balances are kept per currency; amounts of different currencies never mix, and an operation
 * whose amounts disagree on currency is refused with {@link IllegalArgumentException}.
 */
public interface CreditLedger {
    /**
     * Reserves {@code amount} (zero allowed) under {@code key} if the available balance in its
     * currency covers it. Holding again with a key that is already held returns the existing hold
     * (whatever amount is asked) and reserves nothing more.
     *
     * @param account the paying account
     * @param amount the most the dial may cost, zero or more
     * @param key names one dial, scoped by account
     * @return the hold, or empty if the available balance is too low
     * @throws IllegalStateTransitionException if the key was already captured or released
     */
    Optional<Hold> hold(AccountId account, Money amount, String key);

    /**
     * Charges the real cost for {@code key}: the open hold is consumed and {@code actual} is
     * charged; if {@code actual} exceeds the hold plus the available balance, only that much is
     * charged and the rest is reported as shortfall (the balance never goes negative). Without an
     * open hold (never held, or released) the charge comes from the available balance the same
     * way. Repeating a capture returns the first result, whatever {@code actual} says.
     *
     * @param account the paying account
     * @param key the dial's hold key
     * @param actual the real cost, zero or more
     * @return what was charged and any shortfall
     * @throws IllegalArgumentException if {@code actual} differs in currency from the open hold
     */
    Capture capture(AccountId account, String key, Money actual);

    /**
     * Drops the open hold for {@code key}, if any. Idempotent; does nothing after a capture.
     *
     * @param account the paying account
     * @param key the dial's hold key
     */
    void release(AccountId account, String key);

    /**
     * Adds credit once per {@code key}; a repeated key is ignored (whatever amount it names).
     *
     * @param account the account credited
     * @param amount the credit, more than zero
     * @param key the top-up's idempotency key, scoped by account
     * @throws IllegalArgumentException if {@code amount} is zero
     */
    void topUp(AccountId account, Money amount, String key);

    /**
     * Top-ups minus captures minus open holds, in the given currency (zero for an unknown account).
     *
     * @param account the account
     * @param currency the balance's currency
     * @return the available balance, never negative
     */
    Money available(AccountId account, Currency currency);
}
