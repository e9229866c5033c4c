package io.batchcall.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The queue-and-leader half of a group commit, shared by {@link CarrierGroups} and
 * {@link LedgerGroups}: callers queue their operation under a key (an account); whoever holds the
 * key's lock takes up to {@value #MAX_GROUP} queued operations and hands them to the owner's
 * {@link Runner}, again until its own is done; each caller then gets its own answer or exception,
 * never another's. What a group does in the database, and how it falls back, is the owner's.
 *
 * @param <O> the owner's operation
 */
final class GroupCommit<O extends GroupCommit.Op> {
    /** The most operations one transaction takes. */
    static final int MAX_GROUP = 64;

    private final String kind;
    private final Map<String, Queued<O>> groups = new ConcurrentHashMap<>();
    private final AtomicLong grouped = new AtomicLong();

    /** @param kind what the operations are, for the message of an impossible loss */
    GroupCommit(String kind) {
        this.kind = kind;
    }

    /** One queued operation: its answer or failure, set by the runner that took it. */
    abstract static class Op {
        Object result;
        Throwable failure;
        boolean done;

        /** Records the answer of a group that applied this operation. */
        final void answer(Object value, Throwable error) {
            result = value;
            failure = error;
            done = true;
        }
    }

    /** Applies a taken batch; must {@link Op#answer} every operation in it. */
    interface Runner<O> {
        void run(List<O> batch);
    }

    private static final class Queued<O> {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<O> queue = new ConcurrentLinkedQueue<>();
    }

    /**
     * Queues {@code op} under {@code key} and returns its answer once a runner (this caller or
     * another) has applied it.
     *
     * @throws RuntimeException or Error: the operation's own failure
     */
    @SuppressWarnings("unchecked")
    <T> T submit(String key, O op, Runner<O> runner) {
        Queued<O> g = groups.computeIfAbsent(key, k -> new Queued<>());
        g.queue.add(op);
        g.lock.lock();
        try {
            while (!op.done) {
                List<O> batch = new ArrayList<>();
                for (O next; batch.size() < MAX_GROUP && (next = g.queue.poll()) != null; ) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    // cannot happen: every operation taken from the queue is answered before the lock is released
                    throw new IllegalStateException("a queued " + kind + " of " + key + " was lost");
                }
                runner.run(batch);
            }
        } finally {
            g.lock.unlock();
        }
        if (op.failure instanceof RuntimeException e) {
            throw e;
        }
        if (op.failure instanceof Error e) {
            throw e;
        }
        return (T) op.result;
    }

    /** Counts operations a group of two or more applied together. */
    void countGrouped(int n) {
        grouped.addAndGet(n);
    }

    /** Operations applied in groups of two or more so far (for tests and diagnostics). */
    long grouped() {
        return grouped.get();
    }

    /**
     * The fallback of a group that failed as a whole: each operation alone, with its own answer or
     * error (rethrown to its own caller, never to the thread that ran it).
     */
    static <O extends Op> void eachAlone(List<O> batch, Function<O, Object> alone) {
        for (O op : batch) {
            try {
                op.answer(alone.apply(op), null);
            } catch (RuntimeException | Error e) {
                op.answer(null, e);
            }
        }
    }
}
