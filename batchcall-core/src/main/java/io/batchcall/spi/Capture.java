package io.batchcall.spi;

import io.batchcall.model.Money;

/**
 * The result of a capture.
 *
 * @param charged what was taken from the account
 * @param shortfall what the call cost beyond what the account could pay (zero normally)
 */
public record Capture(Money charged, Money shortfall) {
}
