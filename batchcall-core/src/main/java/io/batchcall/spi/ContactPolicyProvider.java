package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.policy.ContactPolicy;
import java.util.Objects;

/**
 * Tells the engine each account's {@link ContactPolicy} (calling-hours floor, blackout dates,
 * frequency cap, suppression check). Asked at every claim, like {@link AccountLimitsProvider}: a
 * change takes effect at the next claim on every node. Must be fast, thread-safe, and answer the
 * same on every node sharing a store. An exception or a null answer skips the account's dials for
 * that step (fails closed) and is logged.
 */
@FunctionalInterface
public interface ContactPolicyProvider {
    /** Every account gets {@link ContactPolicy#none()}: no floor, no blackout date, no cap. */
    ContactPolicyProvider NONE = uniform(ContactPolicy.none());

    /**
     * Every account gets the same policy.
     *
     * @param policy the policy of every account; not null
     * @return the provider
     * @throws NullPointerException if policy is null
     */
    static ContactPolicyProvider uniform(ContactPolicy policy) {
        Objects.requireNonNull(policy, "policy must not be null");
        return account -> policy;
    }

    /**
     * The policy of {@code account} now.
     *
     * @param account the account about to be claimed for
     * @return its policy; never null
     */
    ContactPolicy policyOf(AccountId account);
}
