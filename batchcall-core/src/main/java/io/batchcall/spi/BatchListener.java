package io.batchcall.spi;

import io.batchcall.model.StatusEvent;

/**
 * Receives status changes in log order, from this node and every other node sharing the store.
 * Called on the engine's event thread: return quickly. An exception is logged and does not stop
 * delivery to other listeners.
 */
public interface BatchListener {
    /** A batch changed status. */
    default void onBatchEvent(StatusEvent event) {
    }

    /** A recipient changed status. */
    default void onRecipientEvent(StatusEvent event) {
    }
}
