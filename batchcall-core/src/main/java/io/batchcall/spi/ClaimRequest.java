package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.ConcurrencyPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an engine asks {@link CallStore#claim} for.
 *
 * @param owner the claiming node's name, kept on the attempt
 * @param leaseUntil when the claim expires if the attempt is not placed by then
 * @param max the most recipients to claim in this call
 * @param zoneKeys when not null, claim only recipients whose zone key is in this set (their
 *     calling hours are open now)
 * @param batch the batch to claim pending recipients of
 * @param account the batch's account, whose active calls count against the cap
 * @param policy the slots this claim may take
 * @param now the engine's current instant: recipients with {@code notBefore} after it are not claimed
 */
public record ClaimRequest(BatchId batch, AccountId account, ConcurrencyPolicy policy, Instant now,
        Instant leaseUntil, String owner, int max, Set<String> zoneKeys) {
    /**
     * Validates the components (see the record description).
     *
     * @param batch the batch to claim pending recipients of
     * @param account the batch's account, whose active calls count against the cap
     * @param policy the slots this claim may take
     * @param now the engine's current instant: recipients with {@code notBefore} after it are not claimed
     * @param leaseUntil when the claim expires if the attempt is not placed by then
     * @param owner the claiming node's name, kept on the attempt
     * @param max the most recipients to claim in this call
     * @param zoneKeys when not null, claim only recipients whose zone key is in this set (their calling hours
     *     are open now)
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of batch, account, policy, now, leaseUntil, owner is null
     */
    public ClaimRequest {
        Objects.requireNonNull(batch, "batch must not be null");
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(now, "now must not be null");
        Objects.requireNonNull(leaseUntil, "leaseUntil must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, but was " + max);
        }
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException("leaseUntil must be after now " + now + ", but was " + leaseUntil);
        }
        zoneKeys = zoneKeys == null ? null : Set.copyOf(zoneKeys);
    }
}
