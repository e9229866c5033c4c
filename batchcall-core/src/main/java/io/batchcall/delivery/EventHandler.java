package io.batchcall.delivery;

import io.batchcall.model.StatusEvent;

/**
 * A durable consumer's code: called once per event, in sequence order within the account, on a
 * delivery thread of the node holding the consumer's lease. Returning acknowledges the event (the
 * stored cursor moves past it); throwing anything means "not acknowledged": the same event is
 * offered again after a backoff, until the attempts run out and it becomes a dead letter.
 * Delivery is at least once: after a node dies or a lease is taken over, the event in progress may
 * be offered again, so a handler should be idempotent (dedupe on account and sequence).
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Handles one event.
     *
     * @param event the event, never null
     * @throws Exception to have the event offered again later
     */
    void handle(StatusEvent event) throws Exception;
}
