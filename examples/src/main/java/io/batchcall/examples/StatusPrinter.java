package io.batchcall.examples;

import io.batchcall.model.StatusEvent;
import io.batchcall.spi.BatchListener;

/** Prints batch and recipient status changes as they happen. */
final class StatusPrinter implements BatchListener {
    private final boolean plainPending;

    /** @param plainPending whether to print a recipient's return to pending when it carries no detail */
    StatusPrinter(boolean plainPending) {
        this.plainPending = plainPending;
    }

    @Override
    public void onBatchEvent(StatusEvent e) {
        System.out.printf("[batch %s] %s%s%n", e.batchId(), e.status(), detail(e));
    }

    @Override
    public void onRecipientEvent(StatusEvent e) {
        if (plainPending || !e.status().equals("pending") || e.detail() != null) {
            System.out.printf("  recipient %s -> %s%s%n", e.recipientId(), e.status(), detail(e));
        }
    }

    private static String detail(StatusEvent e) {
        return e.detail() == null ? "" : " (" + e.detail() + ")";
    }
}
