package io.batchcall.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Watches the heap while an import runs, on a daemon thread. In the timed runs it samples used
 * heap every 2 ms (garbage included, so it tends towards -Xmx whatever the live data). With
 * {@code liveEvery} > 0 it instead forces a full collection at that interval and records what is
 * still in use after it: the live set, which is what must stay flat as files grow (such runs are
 * not timed).
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long liveEveryMillis;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakLive;

    HeapSampler(long liveEveryMillis) {
        this.liveEveryMillis = liveEveryMillis;
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            try {
                if (liveEveryMillis > 0) {
                    Thread.sleep(liveEveryMillis);
                    System.gc();
                    peakLive = Math.max(peakLive, memory.getHeapMemoryUsage().getUsed());
                } else {
                    peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakUsedBytes() {
        return Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
    }

    long peakLiveBytes() {
        return peakLive;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
