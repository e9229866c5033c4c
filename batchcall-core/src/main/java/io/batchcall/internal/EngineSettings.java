package io.batchcall.internal;

import io.batchcall.model.Tariff;
import io.batchcall.spi.AccountLimitsProvider;
import java.time.Duration;

/**
 * Effective engine configuration, validated by the builder.
 *
 * @param nodeName names this engine in claims and thread names
 * @param lease how long a claim may stay {@code calling} before another node reconciles it
 * @param staleCallAfter a placed call not heard of for this long is looked up at the carrier
 * @param carrierBackoff delay before re-dialing after a retryable carrier refusal
 * @param claimChunk recipients claimed per batch per round (fairness between batches)
 * @param maxDialsPerStep upper bound on dials placed by one {@code runOnce}
 * @param dialThreads threads placing calls concurrently within one step
 * @param callsPerSecond dials per second per from-number on this node; 0 for no pacing
 * @param reconcileInterval how often expired claims, stale calls and unsettled ends are looked for
 * @param accountLimits each account's cap and reserved slots, from the host
 * @param settleGrace how long an ended call is left to the node that received its end before the
 *     settlement sweep settles it
 * @param contact each account's contact policy and the retention of finished batches' history
 */
public record EngineSettings(String nodeName, Tariff tariff, Duration lease, Duration staleCallAfter,
        Duration carrierBackoff, int claimChunk, int maxDialsPerStep, int dialThreads, double callsPerSecond,
        Duration reconcileInterval, AccountLimitsProvider accountLimits, Duration settleGrace,
        ContactSettings contact) {
}
