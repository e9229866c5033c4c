package io.batchcall.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored recipient of a batch and where its calls stand.
 *
 * @param attempts dials in the current run (reset by a re-run; the attempt history is kept)
 * @param notBefore the earliest instant the next dial may start (retry delay)
 * @param reason why it was skipped or failed, when known; else null
 * @param lastAttempt the latest attempt, or null before the first dial
 * @param id assigned by the store
 * @param batchId the batch it belongs to
 * @param phone the number to call
 * @param name display name; may be empty, never null
 * @param variables per-call values from the CSV's extra columns; unmodifiable, may be empty
 * @param zoneKey the key of the time zones whose calling hours apply to it (see {@link ZoneKey}); empty for
 *     the window's zone
 * @param status where its calls stand
 */
public record Recipient(
        RecipientId id,
        BatchId batchId,
        PhoneNumber phone,
        String name,
        Map<String, String> variables,
        String zoneKey,
        RecipientStatus status,
        int attempts,
        Instant notBefore,
        String reason,
        AttemptId lastAttempt) {

    /**
     * Validates the components (see the record description).
     *
     * @param id assigned by the store
     * @param batchId the batch it belongs to
     * @param phone the number to call
     * @param name display name; may be empty, never null
     * @param variables per-call values from the CSV's extra columns; unmodifiable, may be empty
     * @param zoneKey the key of the time zones whose calling hours apply to it (see {@link ZoneKey}); empty
     *     for the window's zone
     * @param status where its calls stand
     * @param attempts dials in the current run (reset by a re-run; the attempt history is kept)
     * @param notBefore the earliest instant the next dial may start (retry delay)
     * @param reason why it was skipped or failed, when known; else null
     * @param lastAttempt the latest attempt, or null before the first dial
     * @throws NullPointerException if any of id, batchId, phone, status is null
     */
    public Recipient {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(batchId, "batchId must not be null");
        Objects.requireNonNull(phone, "phone must not be null");
        Objects.requireNonNull(status, "status must not be null");
        name = name == null ? "" : name;
        variables = variables == null ? Map.of() : variables;
        zoneKey = zoneKey == null ? "" : zoneKey;
    }
}
