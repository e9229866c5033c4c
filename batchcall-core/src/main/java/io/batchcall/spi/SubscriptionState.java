package io.batchcall.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored row of one durable subscription: its lease, its cursor and the retry state of the
 * event at its head.
 *
 * @param key the consumer and account
 * @param owner the node holding the lease, or null when nobody ever took it or it was released
 * @param leaseUntil the lease is the owner's until this instant (exclusive); {@link Instant#EPOCH}
 *     when released or never taken
 * @param version the fencing token: raised by one at every take-over, never otherwise; writes of a
 *     holder are applied only while the row is still at the version it took
 * @param cursor the sequence of the last event acknowledged (delivered or dead-lettered); 0 for none
 * @param failures failed deliveries of the event after {@code cursor} so far; 0 after a success
 * @param retryAt the earliest instant of the next delivery of that event; null when due now
 */
public record SubscriptionState(SubscriptionKey key, String owner, Instant leaseUntil, long version, long cursor,
        int failures, Instant retryAt) {
    /**
     * Validates the components (see the record description).
     *
     * @param key the consumer and account
     * @param owner the lease holder, or null
     * @param leaseUntil end of the lease; not null
     * @param version the fencing token, 0 or more
     * @param cursor the last sequence acknowledged, 0 or more
     * @param failures failures of the head event, 0 or more
     * @param retryAt next try of the head event, or null
     * @throws IllegalArgumentException if a number is negative
     * @throws NullPointerException if key or leaseUntil is null
     */
    public SubscriptionState {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(leaseUntil, "leaseUntil must not be null");
        if (version < 0 || cursor < 0 || failures < 0) {
            throw new IllegalArgumentException("version, cursor and failures must not be negative, but were " + version
                    + ", " + cursor + ", " + failures + " for " + key);
        }
    }

    /**
     * A fresh row: nobody holds it, cursor at {@code cursor}.
     *
     * @param key the consumer and account
     * @param cursor where the consumer starts (the last sequence it will not receive)
     * @return the row as first stored
     */
    public static SubscriptionState fresh(SubscriptionKey key, long cursor) {
        return new SubscriptionState(key, null, Instant.EPOCH, 0, cursor, 0, null);
    }

    /**
     * The same row with new progress, as {@link SubscriptionStore#advance} stores it.
     *
     * @param p the new cursor, failures, retry time and lease end
     * @return the row after the write
     */
    public SubscriptionState with(Progress p) {
        return new SubscriptionState(key, owner, p.leaseUntil(), version, p.cursor(), p.failures(), p.retryAt());
    }

    /**
     * What a lease holder writes: the cursor, the head event's retry state, and its lease extended.
     *
     * @param cursor the last sequence acknowledged
     * @param failures failures of the event after the cursor
     * @param retryAt its next try, or null for now
     * @param leaseUntil the lease's new end
     */
    public record Progress(long cursor, int failures, Instant retryAt, Instant leaseUntil) {
        /**
         * Validates the components.
         *
         * @param cursor the last sequence acknowledged, 0 or more
         * @param failures failures of the event after the cursor, 0 or more
         * @param retryAt its next try, or null for now
         * @param leaseUntil the lease's new end; not null
         * @throws IllegalArgumentException if a number is negative
         * @throws NullPointerException if leaseUntil is null
         */
        public Progress {
            Objects.requireNonNull(leaseUntil, "leaseUntil must not be null");
            if (cursor < 0 || failures < 0) {
                throw new IllegalArgumentException("cursor and failures must not be negative, but were " + cursor + ", "
                        + failures);
            }
        }
    }
}
