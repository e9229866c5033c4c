package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.Money;

/** Credit reserved for one dial. */
public record Hold(AccountId account, String key, Money amount) {
}
