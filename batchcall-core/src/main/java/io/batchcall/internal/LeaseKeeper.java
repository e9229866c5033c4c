package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.spi.CallStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat of claims being placed: while the carrier takes its time to answer a placement,
 * the claim's lease is extended every third of a lease, so no other node takes the claim over and
 * dials the person again (db-scheduler's heartbeat for executions). One daemon thread per engine,
 * started with the first placement; {@link #close} stops it.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final CallStore calls;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Map<AttemptId, AccountId> placing = new ConcurrentHashMap<>();
    private ScheduledExecutorService beat;
    private boolean closed;

    LeaseKeeper(CallStore calls, Clock clock, String owner, Duration lease) {
        this.calls = calls;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
    }

    /** Keeps the claim's lease alive until the returned handle is closed. */
    Watch watch(AccountId account, AttemptId attempt) {
        ensureStarted();
        placing.put(attempt, account);
        return () -> placing.remove(attempt);
    }

    /** A placement being watched; closing it stops the heartbeat for that claim. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private synchronized void ensureStarted() {
        if (beat != null || closed) {
            return;
        }
        beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "batchcall-lease-" + owner);
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, lease.toMillis() / 3);
        beat.scheduleWithFixedDelay(this::extendAll, period, period, TimeUnit.MILLISECONDS);
    }

    /** Extends every watched claim to a full lease from now. */
    void extendAll() {
        for (Map.Entry<AttemptId, AccountId> watched : placing.entrySet()) {
            AttemptId id = watched.getKey();
            try {
                Instant now = clock.instant();
                if (!calls.extendLease(watched.getValue(), id, owner, now, now.plus(lease))) {
                    LOG.warn("claim {} could not be extended while its call was being placed (taken over?)", id);
                }
            } catch (Throwable e) {
                LOG.warn("extending the lease of claim {} failed; will try again", id, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (beat != null) {
            beat.shutdownNow();
            beat = null;
        }
    }
}
