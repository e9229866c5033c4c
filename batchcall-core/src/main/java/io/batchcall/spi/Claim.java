package io.batchcall.spi;

import io.batchcall.model.CallAttempt;
import io.batchcall.model.Recipient;

/** A recipient claimed for one dial, with the attempt created for it. */
public record Claim(Recipient recipient, CallAttempt attempt) {
}
