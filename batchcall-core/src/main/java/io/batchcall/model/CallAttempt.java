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
 * @param id assigned by the store when the recipient is claimed
 * @param recipientId the recipient dialed
 * @param batchId the batch (run) the dial belongs to
 * @param account the account that pays for it
 * @param to the number dialed
 * @param claimedAt when an engine claimed the recipient
 * @param placedAt when the carrier accepted the call; null until then
 * @param endedAt when the call reached a terminal status; null until then
 * @param answeredBy who answered, as the carrier's answering-machine detection reported it; null
 *     when nothing was reported
 * @param disposition what the host reported came of the call; null until reported
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
        String reason,
        AnsweredBy answeredBy,
        Disposition disposition) {

    /**
     * An attempt without answering-machine result and without disposition.
     *
     * @param id assigned by the store when the recipient is claimed
     * @param recipientId the recipient dialed
     * @param batchId the batch (run) the dial belongs to
     * @param account the account that pays for it
     * @param number 1 for the first dial of the recipient in a run, 2 for the first retry, ...
     * @param to the number dialed
     * @param providerCallId the carrier's call id once placed; else null
     * @param status calling, then the carrier's statuses; skipped when it was never dialed
     * @param owner the engine node that claimed it
     * @param claimedAt when an engine claimed the recipient
     * @param leaseUntil while {@code calling}, when the claim expires and may be recovered
     * @param placedAt when the carrier accepted the call; null until then
     * @param lastEventAt the last time anything was heard about this call
     * @param endedAt when the call reached a terminal status; null until then
     * @param talkTime answered duration once ended; else null
     * @param cost what was charged once settled; else null
     * @param reason why it failed or was not dialed; else null
     */
    public CallAttempt(AttemptId id, RecipientId recipientId, BatchId batchId, AccountId account, int number,
            PhoneNumber to, String providerCallId, RecipientStatus status, String owner, Instant claimedAt,
            Instant leaseUntil, Instant placedAt, Instant lastEventAt, Instant endedAt, Duration talkTime, Money cost,
            String reason) {
        this(id, recipientId, batchId, account, number, to, providerCallId, status, owner, claimedAt, leaseUntil,
                placedAt, lastEventAt, endedAt, talkTime, cost, reason, null, null);
    }

    /**
     * Validates the components (see the record description).
     *
     * @param id assigned by the store when the recipient is claimed
     * @param recipientId the recipient dialed
     * @param batchId the batch (run) the dial belongs to
     * @param account the account that pays for it
     * @param number 1 for the first dial of the recipient in a run, 2 for the first retry, ...
     * @param to the number dialed
     * @param providerCallId the carrier's call id once placed; else null
     * @param status calling, then the carrier's statuses; skipped when it was never dialed
     * @param owner the engine node that claimed it
     * @param claimedAt when an engine claimed the recipient
     * @param leaseUntil while {@code calling}, when the claim expires and may be recovered
     * @param placedAt when the carrier accepted the call; null until then
     * @param lastEventAt the last time anything was heard about this call
     * @param endedAt when the call reached a terminal status; null until then
     * @param talkTime answered duration once ended; else null
     * @param cost what was charged once settled; else null
     * @param reason why it failed or was not dialed; else null
     * @param answeredBy who answered, as reported; null when nothing was reported
     * @param disposition what the host reported came of the call; null until reported
     * @throws NullPointerException if any of id, recipientId, batchId, account, to, status, claimedAt is null
     */
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
     *
     * @return true while the ended, dialed attempt has no recorded cost
     */
    public boolean settlementDue() {
        return status.isTerminal() && status != RecipientStatus.SKIPPED && placedAt != null && cost == null;
    }

    /**
     * This attempt with {@code value} as who answered (nothing else changes).
     *
     * @param value who answered; may be null
     * @return the changed attempt
     */
    public CallAttempt withAnsweredBy(AnsweredBy value) {
        return new CallAttempt(id, recipientId, batchId, account, number, to, providerCallId, status, owner, claimedAt,
                leaseUntil, placedAt, lastEventAt, endedAt, talkTime, cost, reason, value, disposition);
    }

    /**
     * This attempt with {@code value} as its disposition (nothing else changes).
     *
     * @param value the disposition; may be null
     * @return the changed attempt
     */
    public CallAttempt withDisposition(Disposition value) {
        return new CallAttempt(id, recipientId, batchId, account, number, to, providerCallId, status, owner, claimedAt,
                leaseUntil, placedAt, lastEventAt, endedAt, talkTime, cost, reason, answeredBy, value);
    }
}
