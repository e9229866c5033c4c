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
 */
public record ClaimRequest(BatchId batch, AccountId account, ConcurrencyPolicy policy, Instant now,
        Instant leaseUntil, String owner, int max, Set<String> zoneKeys) {
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
