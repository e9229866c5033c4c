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
