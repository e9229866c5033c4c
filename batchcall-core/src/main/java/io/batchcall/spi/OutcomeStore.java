package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.RecipientStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the host reports about calls: dispositions and call backs. Every change is decided by
 * {@link io.batchcall.rules.OutcomeRules}; a store loads the attempt, asks the rule, and writes
 * the change only if the attempt is still as loaded, appending the rule's event in the same unit
 * of work. Thread-safe, and on a shared database safe across engine nodes.
 */
public interface OutcomeStore {
    /**
     * Records a disposition once, as {@link io.batchcall.rules.OutcomeRules#disposition} decides:
     * written only while the attempt has none (from any node, exactly one report wins; the same
     * code and data again is a no-op). When it was written and {@code retryAt} is not null, in the
     * same unit of work the recipient is queued then, as
     * {@link io.batchcall.rules.OutcomeRules#requeue} decides for the attempt's status (detail the code).
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the attempt
     * @param disposition the reported code and data
     * @param retryAt when to dial the recipient again, or null
     * @param at when it was reported
     * @return the attempt as stored afterwards (with this or the same earlier disposition), or
     *     empty for an unknown attempt
     * @throws io.batchcall.DispositionConflictException if a different disposition is recorded
     * @throws io.batchcall.IllegalStateTransitionException if the attempt was never placed
     */
    Optional<CallAttempt> recordDisposition(AccountId account, AttemptId attempt, Disposition disposition,
            Instant retryAt, Instant at);

    /**
     * Queues the recipient whose latest attempt is {@code attempt} for a dial at {@code notBefore},
     * as {@link io.batchcall.rules.OutcomeRules#requeue} decides, while it is still
     * {@code recipientStatus} (event pending, detail {@code detail}).
     *
     * @param account the attempt's account (an attempt of another account is unknown)
     * @param attempt the recipient's latest attempt
     * @param recipientStatus the recipient's status as loaded
     * @param notBefore when to dial
     * @param detail the event's detail
     * @param at when it was asked
     * @return true when the recipient was queued
     * @throws io.batchcall.IllegalStateTransitionException if the recipient cannot be called back
     */
    boolean requeue(AccountId account, AttemptId attempt, RecipientStatus recipientStatus, Instant notBefore,
            String detail, Instant at);

    /**
     * How many attempts of the batch carry each disposition code.
     *
     * @param batch the batch
     * @return code to count, sorted by code; empty when none
     */
    Map<String, Long> dispositionCounts(BatchId batch);
}
