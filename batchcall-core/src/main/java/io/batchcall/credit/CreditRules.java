package io.batchcall.credit;

import io.batchcall.credit.HoldState.Captured;
import io.batchcall.credit.HoldState.Open;
import io.batchcall.credit.Refusal.Reason;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.Hold;
import java.util.Objects;
import java.util.Optional;

/**
 * The credit ledger's rules as pure functions: given an account's purse in the operation's
 * currency and the stored state of the key, each returns what to store and what to answer. They
 * are the specification of {@link io.batchcall.spi.CreditLedger} in code; every adapter calls them
 * and decides nothing itself. Total over non-null arguments and a non-empty key: everything the
 * port refuses comes back as a {@link Refusal}; only invalid arguments throw.
 */
public final class CreditRules {
    private CreditRules() {
    }

    /**
     * Holds {@code amount} under {@code key}: an open key answers its existing hold (whatever
     * {@code amount} says) and changes nothing; a captured or released key is refused
     * ({@link Reason#ILLEGAL_TRANSITION}); a new key is held if the purse's available balance
     * covers {@code amount} (zero always fits), else answered with empty and nothing changes.
     *
     * @param account the paying account; not null
     * @param key the dial's hold key; not empty
     * @param amount the most the dial may cost
     * @return the hold (or empty when refused for low balance) with the purse and state to store
     * @param purse the account's purse in {@code amount}'s currency
     * @param state the key's stored state
     * @throws IllegalArgumentException if key is empty
     * @throws NullPointerException if account or state is null
     */
    public static Decision<Optional<Hold>> hold(AccountId account, String key, Money amount, Purse purse,
            HoldState state) {
        checkArguments(account, key, state);
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(purse, "purse must not be null");
        if (!purse.currency().equals(amount.currency())) {
            return purseMismatch(purse, state, amount);
        }
        if (state instanceof Open open) {
            return Decision.answer(purse, state, Optional.of(new Hold(account, key, open.amount())));
        }
        if (!(state instanceof HoldState.Absent)) {
            return Decision.refuse(purse, state, Reason.ILLEGAL_TRANSITION, "hold key '" + key + "' of account "
                    + account + " was already " + state.name() + " and cannot be held again");
        }
        if (purse.availableMicros() < amount.micros()) {
            return Decision.answer(purse, state, Optional.empty());
        }
        return Decision.answer(purse.with(purse.balanceMicros(), purse.heldMicros() + amount.micros()),
                new Open(amount), Optional.of(new Hold(account, key, amount)));
    }

    /**
     * Charges {@code actual} for {@code key}. A captured key answers its first capture and changes
     * nothing (whatever {@code actual} says). Otherwise the open hold, if any, is consumed and
     * {@code actual} is charged from the hold plus the available balance; what exceeds them is
     * the shortfall, so the balance never goes below zero. Without an open hold (never held, or
     * released) the charge comes from the available balance alone. An open hold in another
     * currency than {@code actual} is refused ({@link Reason#CURRENCY_MISMATCH}), and so is an
     * open hold larger than the purse's held total ({@link Reason#INCONSISTENT_INPUT}).
     *
     * @param account the paying account; not null
     * @param key the dial's hold key; not empty
     * @param actual the real cost
     * @return the capture with the purse and state to store, or a refusal
     * @param purse the account's purse in {@code actual}'s currency
     * @param state the key's stored state
     * @throws IllegalArgumentException if key is empty
     * @throws NullPointerException if account or state is null
     */
    public static Decision<Capture> capture(AccountId account, String key, Money actual, Purse purse,
            HoldState state) {
        checkArguments(account, key, state);
        Objects.requireNonNull(actual, "actual must not be null");
        Objects.requireNonNull(purse, "purse must not be null");
        if (!purse.currency().equals(actual.currency())) {
            return purseMismatch(purse, state, actual);
        }
        if (state instanceof Captured done) {
            return Decision.answer(purse, state, done.capture());
        }
        long held = 0;
        if (state instanceof Open open) {
            if (!open.amount().currency().equals(actual.currency())) {
                return Decision.refuse(purse, state, Reason.CURRENCY_MISMATCH, "capture of hold '" + key
                        + "' of account " + account + " must be in " + open.amount().currency()
                        + " like its hold of " + open.amount() + ", but was " + actual);
            }
            held = open.amount().micros();
            if (held > purse.heldMicros()) {
                return inconsistent(account, key, purse, open);
            }
        }
        long charged = Math.min(actual.micros(), purse.availableMicros() + held);
        Captured captured = new Captured(Money.ofMicros(charged, actual.currency()),
                Money.ofMicros(actual.micros() - charged, actual.currency()));
        return Decision.answer(purse.with(purse.balanceMicros() - charged, purse.heldMicros() - held), captured,
                captured.capture());
    }

    /**
     * Gives back the open hold of {@code key}, answering true; any other state (absent, captured,
     * released) changes nothing and answers false. An open hold larger than the purse's held
     * total is refused ({@link Reason#INCONSISTENT_INPUT}).
     *
     * @param account the paying account; not null
     * @param key the dial's hold key; not empty
     * @return true when an open hold was released, with the purse and state to store
     * @param purse the account's purse in the open hold's currency; may be null when the key is
     *     not open (the decision then carries no purse)
     * @param state the key's stored state
     * @throws IllegalArgumentException if key is empty
     * @throws NullPointerException if account or state is null
     */
    public static Decision<Boolean> release(AccountId account, String key, Purse purse, HoldState state) {
        checkArguments(account, key, state);
        if (!(state instanceof Open open)) {
            return Decision.answer(purse, state, Boolean.FALSE);
        }
        Objects.requireNonNull(purse, "purse must not be null when the key is open");
        if (!purse.currency().equals(open.amount().currency())) {
            return purseMismatch(purse, state, open.amount());
        }
        if (open.amount().micros() > purse.heldMicros()) {
            return inconsistent(account, key, purse, open);
        }
        return Decision.answer(purse.with(purse.balanceMicros(), purse.heldMicros() - open.amount().micros()),
                new HoldState.Released(open.amount()), Boolean.TRUE);
    }

    /**
     * Adds {@code amount} once per top-up key: a key already used changes nothing (whatever
     * {@code amount} says); a zero amount, or a balance that would overflow, is refused
     * ({@link Reason#INVALID_AMOUNT}).
     *
     * @param account the account credited
     * @param key the top-up's idempotency key
     * @param amount the credit
     * @return the new purse and whether it was applied, or a refusal
     * @param purse the account's purse in {@code amount}'s currency
     * @param keyUsed whether a top-up with {@code key} was already recorded for the account (in
     *     any currency)
     */
    public static TopUpDecision topUp(AccountId account, String key, Money amount, Purse purse, boolean keyUsed) {
        checkArguments(account, key, HoldState.ABSENT);
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(purse, "purse must not be null");
        if (!purse.currency().equals(amount.currency())) {
            return new TopUpDecision(purse, false, new Refusal(Reason.CURRENCY_MISMATCH, mismatch(purse, amount)));
        }
        if (amount.isZero()) {
            return new TopUpDecision(purse, false, new Refusal(Reason.INVALID_AMOUNT,
                    "top-up amount must be positive, but was " + amount + " (key '" + key + "' of account "
                            + account + ")"));
        }
        if (keyUsed) {
            return new TopUpDecision(purse, false, null);
        }
        if (purse.balanceMicros() > Long.MAX_VALUE - amount.micros()) {
            return new TopUpDecision(purse, false, new Refusal(Reason.INVALID_AMOUNT, "top-up of " + amount
                    + " under key '" + key + "' would overflow the balance " + purse.balance() + " of account "
                    + account));
        }
        return new TopUpDecision(purse.with(purse.balanceMicros() + amount.micros(), purse.heldMicros()), true, null);
    }

    private static void checkArguments(AccountId account, String key, HoldState state) {
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(state, "state must not be null");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty, but was " + (key == null ? "null" : "''"));
        }
    }

    private static <A> Decision<A> inconsistent(AccountId account, String key, Purse purse, Open open) {
        return Decision.refuse(purse, open, Reason.INCONSISTENT_INPUT, "the purse of account " + account + " holds "
                + purse.held() + " in all, less than the open hold '" + key + "' of " + open.amount()
                + ": they were not read at one moment");
    }

    private static <A> Decision<A> purseMismatch(Purse purse, HoldState state, Money amount) {
        return Decision.refuse(purse, state, Reason.CURRENCY_MISMATCH, mismatch(purse, amount));
    }

    private static String mismatch(Purse purse, Money amount) {
        return "the purse must be in the currency of " + amount + ", but was in " + purse.currency();
    }
}
