package io.batchcall.spi;

import io.batchcall.model.AttemptId;
import io.batchcall.model.PhoneNumber;
import java.time.Instant;

/**
 * Identifies an attempt to the carrier for {@link Telephony#lookup}.
 *
 * @param providerCallId the carrier's id when it was recorded; null after a crash between the
 *     dial and recording it (the adapter must then search, e.g. by number and time)
 * @param claimedAt no call for this attempt can have started before this instant
 */
public record LookupRequest(AttemptId attemptId, String providerCallId, PhoneNumber to, PhoneNumber from,
        Instant claimedAt) {
}
