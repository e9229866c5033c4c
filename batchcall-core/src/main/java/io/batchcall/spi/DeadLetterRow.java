package io.batchcall.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An event a consumer gave up on after its failures ran out, as stored. The event itself stays in
 * the {@link EventLog} (which never removes events) under {@code sequence}.
 *
 * @param id the dead letter's id, unique in the store
 * @param key the consumer and account
 * @param sequence the event's sequence in the account's log
 * @param attempts how many deliveries failed
 * @param lastError the last failure, at most 1000 characters
 * @param deadAt when it was given up on (or last failed a redelivery)
 * @param redeliver whether the host asked for it to be delivered again
 */
public record DeadLetterRow(long id, SubscriptionKey key, long sequence, int attempts, String lastError, Instant deadAt,
        boolean redeliver) {
    /** The longest {@code lastError} a store keeps; longer texts are cut by the caller. */
    public static final int MAX_ERROR = 1000;

    /**
     * Validates the components.
     *
     * @param id the dead letter's id
     * @param key the consumer and account
     * @param sequence the event's sequence, 1 or more
     * @param attempts failed deliveries, 1 or more
     * @param lastError the last failure; not null
     * @param deadAt when it was given up on; not null
     * @param redeliver whether a redelivery was asked for
     * @throws IllegalArgumentException if sequence or attempts is below 1
     * @throws NullPointerException if key, lastError or deadAt is null
     */
    public DeadLetterRow {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(lastError, "lastError must not be null");
        Objects.requireNonNull(deadAt, "deadAt must not be null");
        if (sequence < 1 || attempts < 1) {
            throw new IllegalArgumentException("sequence and attempts must be at least 1, but were " + sequence + ", "
                    + attempts + " for " + key);
        }
    }

    /**
     * Cuts an error text to {@link #MAX_ERROR} characters.
     *
     * @param error any text, or null
     * @return the text, at most {@link #MAX_ERROR} characters; "unknown" for null
     */
    public static String clip(String error) {
        String e = error == null ? "unknown" : error;
        return e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR);
    }
}
