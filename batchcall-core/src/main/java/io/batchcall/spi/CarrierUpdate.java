package io.batchcall.spi;

import io.batchcall.model.AnsweredBy;
import io.batchcall.model.RecipientStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A call status as the carrier reported it, for {@link CallStore#applyCarrierStatus}.
 *
 * @param providerCallId the carrier's call id, when known (adopts it if the attempt had none)
 * @param talkTime answered duration, for a terminal status; else null
 * @param reason the carrier's error text for failed calls; else null
 * @param status the reported carrier status; not null
 * @param at when the carrier says the status changed; not null
 * @param answeredBy who answered, when the carrier's answering-machine detection reported it; else
 *     null. An answering-machine result without a call status is reported as {@code in_progress}
 *     (someone or something answered): it never moves a call back, and the result is recorded
 *     whatever the status does ({@link io.batchcall.rules.AttemptRules#carrierStatus})
 */
public record CarrierUpdate(RecipientStatus status, Instant at, String providerCallId, java.time.Duration talkTime,
        String reason, AnsweredBy answeredBy) {

    /**
     * An update without answering-machine result.
     *
     * @param status the reported carrier status; not null
     * @param at when the carrier says the status changed; not null
     * @param providerCallId the carrier's call id, when known
     * @param talkTime answered duration, for a terminal status; else null
     * @param reason the carrier's error text for failed calls; else null
     */
    public CarrierUpdate(RecipientStatus status, Instant at, String providerCallId, Duration talkTime, String reason) {
        this(status, at, providerCallId, talkTime, reason, null);
    }
    /**
     * Validates the components (see the record description).
     *
     * @param status the reported carrier status; not null
     * @param at when the carrier says the status changed; not null
     * @param providerCallId the carrier's call id, when known (adopts it if the attempt had none)
     * @param talkTime answered duration, for a terminal status; else null
     * @param reason the carrier's error text for failed calls; else null
     * @param answeredBy who answered, as reported; else null
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of status, at is null
     */
    public CarrierUpdate {
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (!status.isCarrierStatus()) {
            throw new IllegalArgumentException("a carrier reports initiated, ringing, in_progress, completed, failed, "
                    + "busy or no_answer, but the update said " + status.wireName());
        }
        if (talkTime != null && talkTime.isNegative()) {
            throw new IllegalArgumentException("talkTime must not be negative, but was " + talkTime);
        }
    }

    /**
     * The talk time, or zero when none was reported.
     *
     * @return the talk time, never null
     */
    public Duration talkTimeOrZero() {
        return talkTime == null ? Duration.ZERO : talkTime;
    }
}
