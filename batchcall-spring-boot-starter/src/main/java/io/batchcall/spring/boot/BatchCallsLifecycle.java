package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine loop when the context is ready and stops it first on shutdown: the loop stops
 * claiming, dials in progress finish (bounded by {@code batchcall.shutdown-wait}) and only then do
 * the web server and the DataSource go down, so status callbacks for calls in flight are still
 * accepted during the web server's graceful shutdown. Stopping is final for that engine.
 */
final class BatchCallsLifecycle implements SmartLifecycle {
    /** Stops before the web server's graceful shutdown (DEFAULT_PHASE - 1024) and the server itself. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final BatchCalls calls;
    private final boolean autoStart;
    private volatile boolean running;

    BatchCallsLifecycle(BatchCalls calls, boolean autoStart) {
        this.calls = calls;
        this.autoStart = autoStart;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            calls.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            calls.close();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
