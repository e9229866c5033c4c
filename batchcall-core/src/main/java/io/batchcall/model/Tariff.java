package io.batchcall.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What a call costs: a fee per dial plus a rate per started minute of talk time.
 *
 * <p>Billable minutes are the talk seconds rounded up to whole minutes (61 s is 2 minutes; a call
 * that was never answered is 0 minutes and costs the dial fee only). Before each dial the engine
 * holds {@link #holdAmount()}: the fee plus {@code holdMinutes} minutes.
 *
 * @param dialFee charged for every dial, answered or not
 * @param perMinute charged per started minute of talk time, in the fee's currency
 * @param holdMinutes minutes held on top of the fee before each dial, 0 to 600
 */
public record Tariff(Money dialFee, Money perMinute, int holdMinutes) {
    /** The default dial fee, USD 0.005. */
    public static final Money DEFAULT_DIAL_FEE = Money.usd("0.005");

    /**
     * Validates the components (see the record description).
     *
     * @param dialFee charged for every dial, answered or not
     * @param perMinute charged per started minute of talk time, in the fee's currency
     * @param holdMinutes minutes held on top of the fee before each dial, 0 to 600
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of dialFee, perMinute is null
     */
    public Tariff {
        Objects.requireNonNull(dialFee, "dialFee must not be null");
        Objects.requireNonNull(perMinute, "perMinute must not be null");
        if (!dialFee.currency().equals(perMinute.currency())) {
            throw new IllegalArgumentException("dialFee and perMinute must share a currency, but were " + dialFee
                    + " and " + perMinute);
        }
        if (holdMinutes < 0 || holdMinutes > 600) {
            throw new IllegalArgumentException("holdMinutes must be between 0 and 600, but was " + holdMinutes);
        }
    }

    /**
     * The default fee (USD 0.005) with the given per-minute rate and a one-minute hold.
     *
     * @param perMinute the rate per started minute, in USD
     * @return the tariff
     * @throws IllegalArgumentException if perMinute is not in USD
     */
    public static Tariff of(Money perMinute) {
        return new Tariff(DEFAULT_DIAL_FEE, perMinute, 1);
    }

    /**
     * A tariff with the given fee and rate and a one-minute hold.
     *
     * @param dialFee charged for every dial
     * @param perMinute the rate per started minute, in the fee's currency
     * @return the tariff
     * @throws IllegalArgumentException if the currencies differ
     */
    public static Tariff of(Money dialFee, Money perMinute) {
        return new Tariff(dialFee, perMinute, 1);
    }

    /**
     * USD 0.005 per dial, no per-minute charge, a one-minute hold.
     *
     * @return the default tariff
     */
    public static Tariff ofDefaults() {
        return new Tariff(DEFAULT_DIAL_FEE, Money.zero(DEFAULT_DIAL_FEE.currency()), 1);
    }

    /**
     * A copy holding another number of minutes before each dial.
     *
     * @param minutes 0 to 600
     * @return the copy
     * @throws IllegalArgumentException if minutes is outside 0-600
     */
    public Tariff withHoldMinutes(int minutes) {
        return new Tariff(dialFee, perMinute, minutes);
    }

    /**
     * Whole minutes billed for a talk time: rounded up, zero for zero.
     *
     * @param talkTime the answered duration; zero for an unanswered call
     * @return the billable minutes, 61 s giving 2
     * @throws IllegalArgumentException if talkTime is negative
     * @throws NullPointerException if talkTime is null
     */
    public static long billableMinutes(Duration talkTime) {
        if (talkTime.isNegative()) {
            throw new IllegalArgumentException("talk time must not be negative, but was " + talkTime);
        }
        long seconds = talkTime.getSeconds() + (talkTime.getNano() > 0 ? 1 : 0);
        return (seconds + 59) / 60;
    }

    /**
     * The cost of one dial that talked for {@code talkTime}.
     *
     * @param talkTime the answered duration; zero for an unanswered call
     * @return the dial fee plus the per-minute rate times the billable minutes
     * @throws IllegalArgumentException if talkTime is negative
     */
    public Money cost(Duration talkTime) {
        return dialFee.plus(perMinute.times(billableMinutes(talkTime)));
    }

    /**
     * What is held before a dial: the fee plus {@code holdMinutes} minutes.
     *
     * @return the amount held before each dial
     */
    public Money holdAmount() {
        return dialFee.plus(perMinute.times(holdMinutes));
    }
}
