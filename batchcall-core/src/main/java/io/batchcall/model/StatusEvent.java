package io.batchcall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One status change, as kept in a store's ordered event log and delivered to listeners.
 *
 * <p>A batch event has no recipient; a recipient event names the recipient and, for call
 * progress, the attempt. {@code status} is the wire name of a {@link BatchStatus} or
 * {@link RecipientStatus}.
 *
 * @param sequence position in the log; strictly increasing in delivery order
 * @param detail a pause or failure reason, or other context; may be null
 * @param at when the change happened, from the engine's clock
 * @param account the batch's account
 * @param batchId the batch concerned
 * @param recipientId the recipient concerned; null for a batch event
 * @param attemptId the attempt concerned, for call progress; else null
 * @param status the new status's wire name
 */
public record StatusEvent(
        long sequence,
        Instant at,
        AccountId account,
        BatchId batchId,
        RecipientId recipientId,
        AttemptId attemptId,
        String status,
        String detail) {

    /**
     * Validates the components (see the record description).
     *
     * @param sequence position in the log; strictly increasing in delivery order
     * @param at when the change happened, from the engine's clock
     * @param account the batch's account
     * @param batchId the batch concerned
     * @param recipientId the recipient concerned; null for a batch event
     * @param attemptId the attempt concerned, for call progress; else null
     * @param status the new status's wire name
     * @param detail a pause or failure reason, or other context; may be null
     * @throws NullPointerException if any of at, account, batchId, status is null
     */
    public StatusEvent {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(batchId, "batchId must not be null");
        Objects.requireNonNull(status, "status must not be null");
    }

    /**
     * Whether this is a batch event (it names no recipient).
     *
     * @return true when {@link #recipientId()} is null
     */
    public boolean isBatchEvent() {
        return recipientId == null;
    }
}
