package io.batchcall.spi;

import io.batchcall.model.RecipientStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * What the carrier knows about a call.
 *
 * @param status a carrier status (initiated … no_answer)
 * @param talkTime answered duration, for a finished call; else null
 */
public record CallInfo(String providerCallId, RecipientStatus status, Duration talkTime) {
    public CallInfo {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        Objects.requireNonNull(status, "status must not be null");
    }
}
