package io.batchcall.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin loop around {@link Engine#runOnce()}: one named thread runs the step every poll
 * interval and delivers events more often; {@link #close()} stops it and the dial threads the
 * engine owns with a bounded wait.
 */
public final class EngineLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final Engine engine;
    private final String nodeName;
    private final Duration pollInterval;
    private final Duration eventInterval;
    private final Duration shutdownWait;
    private final ExecutorService dialPool;
    private final boolean ownsDialPool;
    private ScheduledExecutorService scheduler;
    private boolean closed;

    public EngineLoop(Engine engine, String nodeName, Duration pollInterval, Duration eventInterval,
            Duration shutdownWait, ExecutorService dialPool, boolean ownsDialPool) {
        this.engine = engine;
        this.nodeName = nodeName;
        this.pollInterval = pollInterval;
        this.eventInterval = eventInterval;
        this.shutdownWait = shutdownWait;
        this.dialPool = dialPool;
        this.ownsDialPool = ownsDialPool;
    }

    /** Whether {@link #close()} was called: the engine takes no further steps. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** A dial pool with named daemon threads. */
    public static ExecutorService dialPool(String nodeName, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batchcall-dial-" + nodeName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("engine " + nodeName + " was closed and cannot start again; build a new "
                    + "BatchCalls");
        }
        if (scheduler != null) {
            throw new IllegalStateException("engine " + nodeName + " is already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "batchcall-engine-" + nodeName);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::step, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::deliver, eventInterval.toMillis(), eventInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("batchcall engine {} started (poll every {} ms)", nodeName, pollInterval.toMillis());
    }

    /** One step; nothing it throws may end the schedule (a scheduled task that throws never runs again). */
    private void step() {
        try {
            engine.runOnce();
        } catch (Throwable e) {
            LOG.error("engine step failed; the next one tries again", e);
        }
    }

    private void deliver() {
        try {
            engine.deliverEvents();
        } catch (Throwable e) {
            LOG.warn("event delivery failed; will retry", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdown();
            await(scheduler);
            scheduler = null;
        }
        if (ownsDialPool) {
            dialPool.shutdown();
            await(dialPool);
        }
        engine.close();
    }

    private void await(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("batchcall engine {}: threads still busy after {} ms; interrupting", nodeName,
                        shutdownWait.toMillis());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
