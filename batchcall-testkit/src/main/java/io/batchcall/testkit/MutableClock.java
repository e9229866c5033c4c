package io.batchcall.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Thread-safe: engine threads may read
 * it while the test advances it. {@link #withZone} returns a view on the same time, so advancing
 * either moves both.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
    }

    /**
     * A clock at {@code start}, in UTC.
     *
     * @param start the initial instant
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start must not be null")),
                ZoneOffset.UTC);
    }

    /**
     * A clock at {@code start} (ISO-8601, e.g. {@code 2025-03-10T12:00:00Z}), in UTC.
     *
     * @param start the initial instant, ISO-8601
     * @return the clock
     * @throws java.time.format.DateTimeParseException if start does not parse
     */
    public static MutableClock at(String start) {
        return at(Instant.parse(start));
    }

    /**
     * Moves the clock forward by {@code amount} and returns the new time.
     *
     * @param amount how far to move, not negative
     * @return the new instant
     * @throws IllegalArgumentException if {@code amount} is negative (use {@link #set} to go back)
     */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative, but was " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the clock to {@code instant}, forward or back.
     *
     * @param instant the new current instant
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant must not be null"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
