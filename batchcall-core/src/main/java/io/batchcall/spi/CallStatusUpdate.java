package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.AttemptId;
import io.batchcall.model.RecipientStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A carrier's report about a call, addressed by batchcall's attempt id.
 *
 * @param providerCallId the carrier's call id; may be null
 * @param talkTime the answered duration for a finished call; else null
 * @param reason the carrier's error text; may be null
 * @param attemptId the attempt the report is about, from the status-callback URL; not null
 * @param status the reported status; a carrier status (initiated … no_answer); not null
 * @param at when the carrier says the status changed; not null
 * @param answeredBy who answered, when the carrier's answering-machine detection reported it; else
 *     null (an answering-machine result alone is reported with status {@code in_progress})
 * @param account the attempt's account, from the status-callback URL ({@link CallRequest#account()}
 *     carried there), or null when the callback did not carry it: the engine then looks the attempt
 *     up by id alone, which a store sharded by account answers from every shard
 */
public record CallStatusUpdate(AttemptId attemptId, String providerCallId, RecipientStatus status, Instant at,
        Duration talkTime, String reason, AnsweredBy answeredBy, AccountId account) {

    /**
     * A report that does not name the attempt's account.
     *
     * @param attemptId the attempt the report is about; not null
     * @param providerCallId the carrier's call id; may be null
     * @param status the reported status; not null
     * @param at when the carrier says the status changed; not null
     * @param talkTime the answered duration for a finished call; else null
     * @param reason the carrier's error text; may be null
     * @param answeredBy who answered, as reported; else null
     */
    public CallStatusUpdate(AttemptId attemptId, String providerCallId, RecipientStatus status, Instant at,
            Duration talkTime, String reason, AnsweredBy answeredBy) {
        this(attemptId, providerCallId, status, at, talkTime, reason, answeredBy, null);
    }

    /**
     * A report without answering-machine result.
     *
     * @param attemptId the attempt the report is about; not null
     * @param providerCallId the carrier's call id; may be null
     * @param status the reported status; not null
     * @param at when the carrier says the status changed; not null
     * @param talkTime the answered duration for a finished call; else null
     * @param reason the carrier's error text; may be null
     */
    public CallStatusUpdate(AttemptId attemptId, String providerCallId, RecipientStatus status, Instant at,
            Duration talkTime, String reason) {
        this(attemptId, providerCallId, status, at, talkTime, reason, null);
    }
    /**
     * Validates the components (see the record description).
     *
     * @param attemptId the attempt the report is about, from the status-callback URL; not null
     * @param providerCallId the carrier's call id; may be null
     * @param status the reported status; a carrier status (initiated … no_answer); not null
     * @param at when the carrier says the status changed; not null
     * @param talkTime the answered duration for a finished call; else null
     * @param reason the carrier's error text; may be null
     * @param answeredBy who answered, as reported; else null
     * @param account the attempt's account; null when the callback did not carry it
     * @throws NullPointerException if any of attemptId, status, at is null
     */
    public CallStatusUpdate {
        Objects.requireNonNull(attemptId, "attemptId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    /**
     * This report addressed to the attempt of the given account.
     *
     * @param attemptAccount the account the status-callback URL names; may be null
     * @return a copy carrying the account
     */
    public CallStatusUpdate withAccount(AccountId attemptAccount) {
        return new CallStatusUpdate(attemptId, providerCallId, status, at, talkTime, reason, answeredBy, attemptAccount);
    }
}
