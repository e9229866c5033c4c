package io.batchcall.spi;

import java.util.Objects;

/**
 * The carrier accepted a call and gave it this id.
 *
 * @param providerCallId the carrier's id for the call (Twilio's call SID); not null
 */
public record PlacedCall(String providerCallId) {
    /**
     * Validates the components (see the record description).
     *
     * @param providerCallId the carrier's id for the call (Twilio's call SID); not null
     * @throws NullPointerException if providerCallId is null
     */
    public PlacedCall {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
    }
}
