package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;

/**
 * Tells the engine each account's concurrency limits. The host owns them (its plan, its carrier
 * contract); the engine asks at every claim, so a change takes effect at the next claim on every
 * node. Must be fast (cache in the host if the answer comes from a remote system), thread-safe,
 * and should answer the same on every node sharing a store. An exception or a null answer
 * skips the account's dials for that step (fails closed) and is logged.
 */
@FunctionalInterface
public interface AccountLimitsProvider {
    /**
     * Every account gets the same limits.
     *
     * @param limits the limits of every account; not null
     * @return the provider
     * @throws NullPointerException if limits is null
     */
    static AccountLimitsProvider uniform(AccountLimits limits) {
        java.util.Objects.requireNonNull(limits, "limits must not be null");
        return account -> limits;
    }

    /**
     * The limits of {@code account} now.
     *
     * @param account the account about to be claimed for
     * @return its cap and reserved slots; never null
     */
    AccountLimits limitsOf(AccountId account);
}
