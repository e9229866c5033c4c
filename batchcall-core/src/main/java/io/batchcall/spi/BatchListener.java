package io.batchcall.spi;

import io.batchcall.model.StatusEvent;

/**
 * Receives status changes in log order, from this node and every other node sharing the store.
 * Called on the engine's event thread: return quickly. An exception is logged and does not stop
 * delivery to other listeners.
 */
public interface BatchListener {
    /**
     * A batch changed status.
     *
     * @param event the batch's event: no recipient, status a {@link io.batchcall.model.BatchStatus} wire name
     */
    default void onBatchEvent(StatusEvent event) {
    }

    /**
     * A recipient changed status.
     *
     * @param event the recipient's event: status a {@link io.batchcall.model.RecipientStatus} wire name
     */
    default void onRecipientEvent(StatusEvent event) {
    }
}
