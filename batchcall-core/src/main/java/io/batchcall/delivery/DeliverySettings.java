package io.batchcall.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How durable consumers and webhooks are delivered. Immutable; start from {@link #ofDefaults()}
 * and change one setting at a time with the {@code with…} methods, each of which checks its range.
 *
 * @param maxAttempts deliveries of one event before it becomes a dead letter, 1 to 100 (default 8)
 * @param initialBackoff the wait after the first failure, 1 ms to 1 h (default 5 s); it doubles
 *     with each further failure
 * @param maxBackoff the longest wait between tries, from {@code initialBackoff} to 1 day (default 1 h)
 * @param lease how long a node holds a consumer without renewing, 1 s to 1 h (default 30 s), and
 *     longer than {@code connectTimeout + requestTimeout}; another node takes over only after it has
 *     expired
 * @param pollInterval how often the delivery thread looks for new events, 10 ms to 1 min (default 500 ms)
 * @param threads delivery threads: consumers delivered at once, 1 to 64 (default 4); each consumer
 *     has at most one delivery in flight
 * @param pageSize events read from the log per consumer per pass, 1 to 1000 (default 100)
 * @param connectTimeout webhook connection timeout, 100 ms to 1 min (default 5 s)
 * @param requestTimeout webhook timeout from request to response headers, 100 ms to 5 min (default 10 s)
 */
public record DeliverySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration lease,
        Duration pollInterval, int threads, int pageSize, Duration connectTimeout, Duration requestTimeout) {

    /**
     * Checks every range (see the record description).
     *
     * @param maxAttempts deliveries before a dead letter, 1 to 100
     * @param initialBackoff the first wait, 1 ms to 1 h
     * @param maxBackoff the cap, initialBackoff to 1 day
     * @param lease the lease, 1 s to 1 h
     * @param pollInterval the poll, 10 ms to 1 min
     * @param threads delivery threads, 1 to 64
     * @param pageSize events per pass, 1 to 1000
     * @param connectTimeout 100 ms to 1 min
     * @param requestTimeout 100 ms to 5 min
     * @throws IllegalArgumentException naming the setting, the rule and the value (also when the
     *     lease is not longer than connectTimeout + requestTimeout)
     * @throws NullPointerException if a duration is null
     */
    public DeliverySettings {
        between("maxAttempts", maxAttempts, 1, 100);
        within("initialBackoff", initialBackoff, Duration.ofMillis(1), Duration.ofHours(1));
        within("maxBackoff", maxBackoff, initialBackoff, Duration.ofDays(1));
        within("lease", lease, Duration.ofSeconds(1), Duration.ofHours(1));
        within("pollInterval", pollInterval, Duration.ofMillis(10), Duration.ofMinutes(1));
        between("threads", threads, 1, 64);
        between("pageSize", pageSize, 1, 1000);
        within("connectTimeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        within("requestTimeout", requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            throw new IllegalArgumentException("lease must be longer than connectTimeout + requestTimeout (a delivery "
                    + "must end within the lease), but lease was " + lease + " and they add up to "
                    + requestTimeout.plus(connectTimeout));
        }
    }

    /**
     * The defaults listed on the record.
     *
     * @return 8 attempts, 5 s doubling to 1 h, 30 s lease, 500 ms poll, 4 threads, pages of 100,
     *     5 s connect and 10 s request timeouts
     */
    public static DeliverySettings ofDefaults() {
        return new DeliverySettings(8, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofMillis(500), 4, 100, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /**
     * A copy with another maximum of attempts.
     *
     * @param value 1 to 100
     * @return the new settings
     */
    public DeliverySettings withMaxAttempts(int value) {
        return new DeliverySettings(value, initialBackoff, maxBackoff, lease, pollInterval, threads, pageSize,
                connectTimeout, requestTimeout);
    }

    /**
     * A copy with other backoff bounds.
     *
     * @param initial the first wait, 1 ms to 1 h
     * @param max the cap, initial to 1 day
     * @return the new settings
     */
    public DeliverySettings withBackoff(Duration initial, Duration max) {
        return new DeliverySettings(maxAttempts, initial, max, lease, pollInterval, threads, pageSize, connectTimeout,
                requestTimeout);
    }

    /**
     * A copy with another lease.
     *
     * @param value 1 s to 1 h
     * @return the new settings
     */
    public DeliverySettings withLease(Duration value) {
        return new DeliverySettings(maxAttempts, initialBackoff, maxBackoff, value, pollInterval, threads, pageSize,
                connectTimeout, requestTimeout);
    }

    /**
     * A copy with another poll interval.
     *
     * @param value 10 ms to 1 min
     * @return the new settings
     */
    public DeliverySettings withPollInterval(Duration value) {
        return new DeliverySettings(maxAttempts, initialBackoff, maxBackoff, lease, value, threads, pageSize,
                connectTimeout, requestTimeout);
    }

    /**
     * A copy with another number of delivery threads.
     *
     * @param value 1 to 64
     * @return the new settings
     */
    public DeliverySettings withThreads(int value) {
        return new DeliverySettings(maxAttempts, initialBackoff, maxBackoff, lease, pollInterval, value, pageSize,
                connectTimeout, requestTimeout);
    }

    /**
     * A copy with another page size.
     *
     * @param value 1 to 1000
     * @return the new settings
     */
    public DeliverySettings withPageSize(int value) {
        return new DeliverySettings(maxAttempts, initialBackoff, maxBackoff, lease, pollInterval, threads, value,
                connectTimeout, requestTimeout);
    }

    /**
     * A copy with other webhook timeouts.
     *
     * @param connect 100 ms to 1 min
     * @param request 100 ms to 5 min
     * @return the new settings
     */
    public DeliverySettings withTimeouts(Duration connect, Duration request) {
        return new DeliverySettings(maxAttempts, initialBackoff, maxBackoff, lease, pollInterval, threads, pageSize,
                connect, request);
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was " + value);
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was " + value);
        }
    }
}
