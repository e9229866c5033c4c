package io.batchcall.rules;

import io.batchcall.model.RecipientStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * How a recipient follows a change of its attempt. It is applied only while the attempt is the
 * recipient's latest ({@code recipient.lastAttempt == attempt}) and, when {@code onlyIf} is not
 * null, only while the recipient is still in that status.
 *
 * @param status the recipient's new status
 * @param reason the recipient's new reason (null clears it)
 * @param notBefore the new earliest next dial, or null to keep it
 * @param attemptsDelta added to {@code recipient.attempts}, never going below zero (-1 when a claim
 *     is given back undialed, else 0)
 * @param onlyIf the status the recipient must still have, or null for no such guard
 */
public record RecipientChange(RecipientStatus status, String reason, Instant notBefore, int attemptsDelta,
        RecipientStatus onlyIf) {
    /**
     * Validates the components (see the record description).
     *
     * @param status the recipient's new status
     * @param reason the recipient's new reason (null clears it)
     * @param notBefore the new earliest next dial, or null to keep it
     * @param attemptsDelta added to {@code recipient.attempts}, never going below zero (-1 when a claim is
     *     given back undialed, else 0)
     * @param onlyIf the status the recipient must still have, or null for no such guard
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if status is null
     */
    public RecipientChange {
        Objects.requireNonNull(status, "status must not be null");
        if (attemptsDelta < -1 || attemptsDelta > 0) {
            throw new IllegalArgumentException("attemptsDelta must be -1 or 0, but was " + attemptsDelta);
        }
    }

    static RecipientChange follow(RecipientStatus status, String reason) {
        return new RecipientChange(status, reason, null, 0, null);
    }
}
