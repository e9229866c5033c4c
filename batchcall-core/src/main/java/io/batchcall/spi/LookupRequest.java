package io.batchcall.spi;

import io.batchcall.model.AttemptId;
import io.batchcall.model.PhoneNumber;
import java.time.Instant;
import java.util.Set;

/**
 * Identifies an attempt to the carrier for {@link Telephony#lookup}.
 *
 * <p>An adapter that must search (no call id recorded) must not depend on its clock agreeing with
 * the carrier's: search a margin of minutes around {@code claimedAt} (carriers and nodes may
 * disagree by minutes, and carriers report times in whole seconds), match the number called and
 * the caller id, and never answer with a call in {@code knownCallIds}.
 *
 * @param providerCallId the carrier's id when it was recorded; null after a crash between the
 *     dial and recording it (the adapter must then search, e.g. by number and time)
 * @param claimedAt when the engine claimed the attempt, by the engine's clock; no call for this
 *     attempt was placed before it, but the carrier's clock may read it minutes off
 * @param knownCallIds carrier call ids already recorded on other attempts to this recipient: none
 *     of them is this attempt's call
 * @param attemptId the attempt to look up
 * @param to the number that was called
 * @param from the caller id used
 */
public record LookupRequest(AttemptId attemptId, String providerCallId, PhoneNumber to, PhoneNumber from,
        Instant claimedAt, Set<String> knownCallIds) {
    /**
     * Validates the components (see the record description).
     *
     * @param attemptId the attempt to look up
     * @param providerCallId the carrier's id when it was recorded; null after a crash between the dial and
     *     recording it (the adapter must then search, e.g. by number and time)
     * @param to the number that was called
     * @param from the caller id used
     * @param claimedAt when the engine claimed the attempt, by the engine's clock; no call for this attempt
     *     was placed before it, but the carrier's clock may read it minutes off
     * @param knownCallIds carrier call ids already recorded on other attempts to this recipient: none of them
     *     is this attempt's call
     */
    public LookupRequest {
        knownCallIds = knownCallIds == null ? Set.of() : Set.copyOf(knownCallIds);
    }

    /**
     * A request with no call ids known on other attempts.
     *
     * @param attemptId the attempt to look up
     * @param providerCallId the carrier's id when it was recorded; else null
     * @param to the number that was called
     * @param from the caller id used
     * @param claimedAt when the engine claimed the attempt
     */
    public LookupRequest(AttemptId attemptId, String providerCallId, PhoneNumber to, PhoneNumber from,
            Instant claimedAt) {
        this(attemptId, providerCallId, to, from, claimedAt, Set.of());
    }
}
