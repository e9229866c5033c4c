package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchStatus;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Counts read from the store for gauges: what is in flight and what is waiting, across every node
 * sharing the store. Each call queries the store, so read it at scrape time and cache the result
 * for a few seconds rather than per gauge. Thread-safe.
 */
public interface EngineStats {
    /**
     * Active calls (calling, initiated, ringing, in_progress, plus reported inbound calls) of
     * every account that has a running or paused batch, without zero entries.
     *
     * @return active calls per account; unmodifiable
     */
    Map<AccountId, Integer> activeCallsByAccount();

    /**
     * How many batches are in each unfinished status (draft, scheduled, running, paused,
     * recurring); every such status is present, zero included. Finished statuses grow without
     * bound and are left out.
     *
     * @return batch counts per unfinished status
     */
    Map<BatchStatus, Long> unfinishedBatches();

    /**
     * Credit holds placed and not yet captured or released; empty if the store cannot count them.
     *
     * @return the open hold count, or empty
     */
    OptionalLong creditHoldsOpen();

    /**
     * Terminal calls whose cost is due and not yet settled; empty if the store cannot count them.
     *
     * @return the pending settlement count, or empty
     */
    OptionalLong settlementsPending();
}
