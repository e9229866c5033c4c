package io.batchcall.spi;

import io.batchcall.model.AccountId;
import java.util.Objects;

/**
 * Names one durable subscription: a named consumer of one account's event log. Each key has its
 * own stored cursor and its own lease, so a consumer of several accounts is several keys.
 *
 * @param consumer the consumer's name: 1-64 letters, digits and {@code . _ : -}
 * @param account the account whose event log it reads
 */
public record SubscriptionKey(String consumer, AccountId account) {
    /**
     * Validates the components.
     *
     * @param consumer the consumer's name: 1-64 letters, digits and {@code . _ : -}
     * @param account the account whose event log it reads
     * @throws IllegalArgumentException if the name breaks that rule
     * @throws NullPointerException if account is null
     */
    public SubscriptionKey {
        if (consumer == null || !consumer.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("consumer must be 1-64 letters, digits and . _ : -, but was '" + consumer
                    + "'");
        }
        Objects.requireNonNull(account, "account must not be null");
    }

    @Override
    public String toString() {
        return consumer + "@" + account.value();
    }
}
