package io.batchcall.spi;

import io.batchcall.model.AttemptId;
import io.batchcall.model.RecipientStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A carrier's report about a call, addressed by batchcall's attempt id.
 *
 * @param providerCallId the carrier's call id; may be null
 * @param talkTime the answered duration for a finished call; else null
 * @param reason the carrier's error text; may be null
 */
public record CallStatusUpdate(AttemptId attemptId, String providerCallId, RecipientStatus status, Instant at,
        Duration talkTime, String reason) {
    public CallStatusUpdate {
        Objects.requireNonNull(attemptId, "attemptId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }
}
