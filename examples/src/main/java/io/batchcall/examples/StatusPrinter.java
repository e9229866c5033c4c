package io.batchcall.examples;

import io.batchcall.model.BatchId;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.BatchListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints batch and recipient status changes as they happen. Batches and recipients made known
 * through {@code know} appear by name (recipients with their masked number, {@link Masking});
 * others by id.
 */
final class StatusPrinter implements BatchListener {
    private final boolean plainPending;
    private final Terminal terminal;
    private final Map<RecipientId, String> names = new ConcurrentHashMap<>();
    private final Map<BatchId, String> batches = new ConcurrentHashMap<>();

    /** @param plainPending whether to print a recipient's return to pending when it carries no detail */
    StatusPrinter(boolean plainPending) {
        this(plainPending, new Terminal(System.out, false, 0));
    }

    StatusPrinter(boolean plainPending, Terminal terminal) {
        this.plainPending = plainPending;
        this.terminal = terminal;
    }

    /** Shows this recipient by name and masked number from now on. */
    void know(Recipient r) {
        String label = r.name().isBlank() ? Masking.phone(r.phone()) : r.name() + " (" + Masking.phone(r.phone()) + ")";
        names.put(r.id(), label);
    }

    /** Shows this batch by name from now on. */
    void know(BatchId batch, String name) {
        batches.put(batch, name);
    }

    @Override
    public void onBatchEvent(StatusEvent e) {
        terminal.line("[" + batches.getOrDefault(e.batchId(), "batch " + e.batchId()) + "] " + e.status() + detail(e));
    }

    @Override
    public void onRecipientEvent(StatusEvent e) {
        if (plainPending || !e.status().equals("pending") || e.detail() != null) {
            String who = e.recipientId() == null ? "?" : names.getOrDefault(e.recipientId(), "recipient " + e.recipientId());
            terminal.line(String.format("  %-34s -> %s%s", who, e.status(), detail(e)));
        }
    }

    private static String detail(StatusEvent e) {
        return e.detail() == null ? "" : " (" + e.detail() + ")";
    }
}
