package io.batchcall.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount of money, exact to one millionth of the currency unit.
 *
 * <p>Stored as a {@code long} count of micro-units (USD 0.005 is 5,000 micros), so sums and
 * products are exact and never drift. Arithmetic between different currencies, results below
 * zero and overflow are refused with {@link IllegalArgumentException} or
 * {@link ArithmeticException}; nothing is rounded silently.
 * @param micros the amount in millionths of the currency unit; not negative
 * @param currency the currency; not null
 */
public record Money(long micros, Currency currency) implements Comparable<Money> {
    /**
     * Validates the components (see the record description).
     *
     * @param micros the amount in millionths of the currency unit; not negative
     * @param currency the currency; not null
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if currency is null
     */
    public Money {
        Objects.requireNonNull(currency, "currency must not be null");
        if (micros < 0) {
            throw new IllegalArgumentException("amount must not be negative, but was " + toDecimal(micros) + " "
                    + currency.getCurrencyCode());
        }
    }

    /**
     * Parses a decimal amount such as {@code "0.005"} in the given ISO 4217 currency.
     *
     * @param amount a plain decimal, at most 6 decimal places, not negative
     * @param currencyCode an ISO 4217 code such as {@code USD}
     * @return the amount
     * @throws IllegalArgumentException for a negative amount, more than 6 decimal places, or an
     *     unknown currency code
     */
    public static Money of(String amount, String currencyCode) {
        BigDecimal value;
        try {
            value = new BigDecimal(Objects.requireNonNull(amount, "amount must not be null").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be a decimal number, but was '" + amount + "'", e);
        }
        return of(value, currency(currencyCode));
    }

    /**
     * An exact decimal amount; refuses more than 6 decimal places instead of rounding.
     *
     * @param amount not negative, at most 6 decimal places
     * @param currency the currency; not null
     * @return the amount
     * @throws IllegalArgumentException if amount is negative or has more than 6 decimal places
     */
    public static Money of(BigDecimal amount, Currency currency) {
        BigDecimal micros = amount.movePointRight(6);
        try {
            return new Money(micros.setScale(0, RoundingMode.UNNECESSARY).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount must have at most 6 decimal places and fit in a long, but was "
                    + amount.toPlainString(), e);
        }
    }

    /**
     * A decimal amount in US dollars, as {@link #of(String, String)} with {@code "USD"}.
     *
     * @param amount a plain decimal such as {@code "0.005"}
     * @return the amount in USD
     * @throws IllegalArgumentException for a negative amount or more than 6 decimal places
     */
    public static Money usd(String amount) {
        return of(amount, "USD");
    }

    /**
     * Zero in {@code currency}.
     *
     * @param currency the currency; not null
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * An amount of {@code micros} millionths of the currency unit.
     *
     * @param micros millionths of the currency unit, not negative
     * @param currency the currency; not null
     * @return the amount
     * @throws IllegalArgumentException if {@code micros} is negative
     */
    public static Money ofMicros(long micros, Currency currency) {
        return new Money(micros, currency);
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNull(code, "currency code must not be null"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, but was '" + code + "'", e);
        }
    }

    /**
     * {@code this + other}.
     *
     * @param other an amount in the same currency
     * @return the sum
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException if the sum overflows
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(micros, other.micros), currency);
    }

    /**
     * {@code this - other}.
     *
     * @param other an amount in the same currency, not greater than this
     * @return the difference
     * @throws IllegalArgumentException if the currencies differ or the result would be below zero
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        if (other.micros > micros) {
            throw new IllegalArgumentException("cannot subtract " + other + " from " + this + ": result would be negative");
        }
        return new Money(micros - other.micros, currency);
    }

    /**
     * {@code this × factor}.
     *
     * @param factor not negative
     * @return the product
     * @throws IllegalArgumentException if {@code factor} is negative
     * @throws ArithmeticException if the product overflows
     */
    public Money times(long factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("factor must not be negative, but was " + factor);
        }
        return new Money(Math.multiplyExact(micros, factor), currency);
    }

    /**
     * Whether the amount is zero.
     *
     * @return true for zero micros
     */
    public boolean isZero() {
        return micros == 0;
    }

    /**
     * Whether {@code this >= other}.
     *
     * @param other an amount in the same currency
     * @return true when this amount is greater than or equal to {@code other}
     * @throws IllegalArgumentException if the currencies differ
     */
    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return micros >= other.micros;
    }

    /**
     * The exact decimal amount in currency units, trailing zeros stripped ({@code 0.005}).
     *
     * @return the amount as a decimal
     */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }

    /**
     * Orders amounts of one currency.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(micros, other.micros);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currencies differ: " + this + " and " + other);
        }
    }

    private static String toDecimal(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    /** For example {@code USD 0.005}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toDecimal(micros);
    }
}
