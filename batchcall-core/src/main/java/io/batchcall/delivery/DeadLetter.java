package io.batchcall.delivery;

import io.batchcall.model.StatusEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event a consumer (or webhook) gave up on after its attempts ran out; delivery moved on past
 * it. The host may ask for it to be delivered again.
 *
 * @param id the dead letter's id
 * @param consumer the consumer that gave up
 * @param event the event
 * @param attempts how many deliveries failed
 * @param lastError the last failure (an HTTP status, a timeout, a handler's exception)
 * @param deadAt when it was given up on, or last failed a redelivery
 * @param redeliveryRequested whether a redelivery is pending
 */
public record DeadLetter(long id, String consumer, StatusEvent event, int attempts, String lastError, Instant deadAt,
        boolean redeliveryRequested) {
    /**
     * Checks that no component is null.
     *
     * @param id the dead letter's id
     * @param consumer the consumer
     * @param event the event
     * @param attempts failed deliveries
     * @param lastError the last failure
     * @param deadAt when it was given up on
     * @param redeliveryRequested whether a redelivery is pending
     * @throws NullPointerException if a component is null
     */
    public DeadLetter {
        Objects.requireNonNull(consumer, "consumer must not be null");
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(lastError, "lastError must not be null");
        Objects.requireNonNull(deadAt, "deadAt must not be null");
    }
}
