package io.batchcall.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What a call costs: a fee per dial plus a rate per started minute of talk time.
 *
 * <p>Billable minutes are the talk seconds rounded up to whole minutes (61 s is 2 minutes; a call
 * that was never answered is 0 minutes and costs the dial fee only). Before each dial the engine
 * holds {@link #holdAmount()}: the fee plus {@code holdMinutes} minutes.
 */
public record Tariff(Money dialFee, Money perMinute, int holdMinutes) {
    /** The default dial fee, USD 0.005. */
    public static final Money DEFAULT_DIAL_FEE = Money.usd("0.005");

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

    /** The default fee (USD 0.005) with the given per-minute rate and a one-minute hold. */
    public static Tariff of(Money perMinute) {
        return new Tariff(DEFAULT_DIAL_FEE, perMinute, 1);
    }

    public static Tariff of(Money dialFee, Money perMinute) {
        return new Tariff(dialFee, perMinute, 1);
    }

    /** USD 0.005 per dial, no per-minute charge, a one-minute hold. */
    public static Tariff ofDefaults() {
        return new Tariff(DEFAULT_DIAL_FEE, Money.zero(DEFAULT_DIAL_FEE.currency()), 1);
    }

    public Tariff withHoldMinutes(int minutes) {
        return new Tariff(dialFee, perMinute, minutes);
    }

    /** Whole minutes billed for a talk time: rounded up, zero for zero. */
    public static long billableMinutes(Duration talkTime) {
        if (talkTime.isNegative()) {
            throw new IllegalArgumentException("talk time must not be negative, but was " + talkTime);
        }
        long seconds = talkTime.getSeconds() + (talkTime.getNano() > 0 ? 1 : 0);
        return (seconds + 59) / 60;
    }

    /** The cost of one dial that talked for {@code talkTime}. */
    public Money cost(Duration talkTime) {
        return dialFee.plus(perMinute.times(billableMinutes(talkTime)));
    }

    /** What is held before a dial: the fee plus {@code holdMinutes} minutes. */
    public Money holdAmount() {
        return dialFee.plus(perMinute.times(holdMinutes));
    }
}
