package io.batchcall.spi;

import java.util.Objects;

/** The carrier accepted a call and gave it this id. */
public record PlacedCall(String providerCallId) {
    public PlacedCall {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
    }
}
