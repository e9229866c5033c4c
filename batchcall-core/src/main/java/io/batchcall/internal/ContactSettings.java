package io.batchcall.internal;

import io.batchcall.spi.ContactPolicyProvider;
import java.time.Duration;

/**
 * Contact settings of an engine, validated by the builder.
 *
 * @param policies each account's contact policy, asked at every claim
 * @param retention how long events and attempts of finished batches are kept; null keeps them forever
 */
public record ContactSettings(ContactPolicyProvider policies, Duration retention) {
    /** Rows deleted per purge statement: small, so no purge holds locks for long. */
    static final int PURGE_CHUNK = 500;
    /** Rows deleted per engine step at most, so purging never delays dialing much. */
    static final int PURGE_PER_STEP = 5_000;
}
