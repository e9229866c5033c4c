package io.batchcall.spi;

import io.batchcall.model.RecipientStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * What the carrier knows about a call.
 *
 * @param status a carrier status (initiated … no_answer)
 * @param talkTime answered duration, for a finished call; else null
 * @param providerCallId the carrier's call id; not null
 */
public record CallInfo(String providerCallId, RecipientStatus status, Duration talkTime) {
    /**
     * Validates the components (see the record description).
     *
     * @param providerCallId the carrier's call id; not null
     * @param status a carrier status (initiated … no_answer)
     * @param talkTime answered duration, for a finished call; else null
     * @throws NullPointerException if any of providerCallId, status is null
     */
    public CallInfo {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        Objects.requireNonNull(status, "status must not be null");
    }
}
