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
 * @param attemptId the attempt the report is about, from the status-callback URL; not null
 * @param status the reported status; a carrier status (initiated … no_answer); not null
 * @param at when the carrier says the status changed; not null
 */
public record CallStatusUpdate(AttemptId attemptId, String providerCallId, RecipientStatus status, Instant at,
        Duration talkTime, String reason) {
    /**
     * Validates the components (see the record description).
     *
     * @param attemptId the attempt the report is about, from the status-callback URL; not null
     * @param providerCallId the carrier's call id; may be null
     * @param status the reported status; a carrier status (initiated … no_answer); not null
     * @param at when the carrier says the status changed; not null
     * @param talkTime the answered duration for a finished call; else null
     * @param reason the carrier's error text; may be null
     * @throws NullPointerException if any of attemptId, status, at is null
     */
    public CallStatusUpdate {
        Objects.requireNonNull(attemptId, "attemptId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }
}
