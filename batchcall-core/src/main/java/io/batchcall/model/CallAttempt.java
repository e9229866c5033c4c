package io.batchcall.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One dial of one recipient. Created when an engine claims the recipient (status
 * {@code calling}), before the carrier is asked, so that a crash between the two can be
 * reconciled through the carrier by attempt id. Re-runs and retries add attempts; history is never
 * overwritten.
 *
 * @param number 1 for the first dial of the recipient in a run, 2 for the first retry, ...
 * @param providerCallId the carrier's call id once placed; else null
 * @param status calling, then the carrier's statuses; skipped when it was never dialed
 * @param owner the engine node that claimed it
 * @param leaseUntil while {@code calling}, when the claim expires and may be recovered
 * @param lastEventAt the last time anything was heard about this call
 * @param talkTime answered duration once ended; else null
 * @param cost what was charged once settled; else null
 * @param reason why it failed or was not dialed; else null
 */
public record CallAttempt(
        AttemptId id,
        RecipientId recipientId,
        BatchId batchId,
        AccountId account,
        int number,
        PhoneNumber to,
        String providerCallId,
        RecipientStatus status,
        String owner,
        Instant claimedAt,
        Instant leaseUntil,
        Instant placedAt,
        Instant lastEventAt,
        Instant endedAt,
        Duration talkTime,
        Money cost,
        String reason) {

    public CallAttempt {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(recipientId, "recipientId must not be null");
        Objects.requireNonNull(batchId, "batchId must not be null");
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(to, "to must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(claimedAt, "claimedAt must not be null");
    }

    /**
     * Whether this attempt ended after it was placed and its charge is not recorded yet: the
     * settlement (capture of its credit hold, cost, retry decision) is due. A claim that was never
     * dialed (skipped, or failed before the carrier accepted it) has nothing to settle.
     */
    public boolean settlementDue() {
        return status.isTerminal() && status != RecipientStatus.SKIPPED && placedAt != null && cost == null;
    }
}
