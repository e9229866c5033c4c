package io.batchcall.credit;

import io.batchcall.model.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * An account's credit in one currency, as a ledger stores it: the balance (top-ups − captures)
 * and the part of it held by open holds. The available balance is {@code balance − held}; no
 * purse can exist with a negative available balance or a negative hold total.
 *
 * @param currency the purse's currency
 * @param balanceMicros top-ups minus captures, in micro-units
 * @param heldMicros the sum of open holds, in micro-units
 */
public record Purse(Currency currency, long balanceMicros, long heldMicros) {
    /**
     * Validates the components (see the record description).
     *
     * @param currency the purse's currency
     * @param balanceMicros top-ups minus captures, in micro-units
     * @param heldMicros the sum of open holds, in micro-units
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if currency is null
     */
    public Purse {
        Objects.requireNonNull(currency, "currency must not be null");
        if (heldMicros < 0) {
            throw new IllegalArgumentException("heldMicros must not be negative, but was " + heldMicros);
        }
        if (balanceMicros < heldMicros) {
            throw new IllegalArgumentException("balanceMicros must be at least heldMicros (" + heldMicros
                    + "), but was " + balanceMicros);
        }
    }

    /**
     * The purse of an account that never had credit in {@code currency}.
     *
     * @param currency the purse's currency; not null
     * @return a purse with zero balance and nothing held
     */
    public static Purse empty(Currency currency) {
        return new Purse(currency, 0, 0);
    }

    /**
     * {@code balance − held} in micro-units; never negative.
     *
     * @return the available amount in millionths of the currency unit
     */
    public long availableMicros() {
        return balanceMicros - heldMicros;
    }

    /**
     * Top-ups minus captures.
     *
     * @return the balance
     */
    public Money balance() {
        return Money.ofMicros(balanceMicros, currency);
    }

    /**
     * The sum of open holds.
     *
     * @return the held total
     */
    public Money held() {
        return Money.ofMicros(heldMicros, currency);
    }

    /**
     * What a new hold or a capture may still take: {@code balance − held}.
     *
     * @return the available amount, never negative
     */
    public Money available() {
        return Money.ofMicros(availableMicros(), currency);
    }

    Purse with(long balance, long held) {
        return new Purse(currency, balance, held);
    }
}
