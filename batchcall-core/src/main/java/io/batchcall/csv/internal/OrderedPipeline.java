package io.batchcall.csv.internal;

import io.batchcall.csv.CsvImportException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work on inputs in parallel and hands the outputs to {@code sink} in submission order, on
 * the submitting thread. Each working thread gets its own worker from {@code workers} (so workers
 * need not be thread-safe). At most {@code 2 × threads} inputs, and inputs weighing at most
 * {@code maxWeight} together (plus the one being submitted), are in flight: beyond that,
 * {@link #submit} waits for the oldest, so memory stays bounded in bytes however much is
 * submitted (the importer weighs a chunk of rows by its characters). With one thread the work runs on the caller's thread and no thread is started. The
 * threads are daemons named {@code batchcall-csv-validate-N}; {@link #close()} stops them.
 * One submitting thread only.
 */
public final class OrderedPipeline<I, O> implements AutoCloseable {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Supplier<Function<I, O>> workers;
    private final Consumer<O> sink;
    private final ExecutorService executor;
    private final ThreadLocal<Function<I, O>> workerOfThread;
    private final int maxInFlight;
    private final ArrayDeque<Future<O>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Long> weights = new ArrayDeque<>();
    private final long maxWeight;
    private long weightInFlight;
    private Function<I, O> callerWorker;

    public OrderedPipeline(Supplier<Function<I, O>> workers, Consumer<O> sink, int threads) {
        this(workers, sink, threads, Long.MAX_VALUE);
    }

    public OrderedPipeline(Supplier<Function<I, O>> workers, Consumer<O> sink, int threads, long maxWeight) {
        this.workers = workers;
        this.maxWeight = maxWeight;
        this.sink = sink;
        this.maxInFlight = 2 * threads;
        this.workerOfThread = ThreadLocal.withInitial(workers);
        this.executor = threads <= 1 ? null : new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "batchcall-csv-validate-" + THREAD_NUMBER.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public void submit(I input) {
        submit(input, 0);
    }

    /** Submits an input weighing {@code weight} (such as its characters). */
    public void submit(I input, long weight) {
        if (executor == null) {
            if (callerWorker == null) {
                callerWorker = workers.get();
            }
            sink.accept(callerWorker.apply(input));
            return;
        }
        while (inFlight.size() >= maxInFlight || (!inFlight.isEmpty() && weightInFlight + weight > maxWeight)) {
            takeOldest();
        }
        // the pool's threads die with the pipeline, and their thread-local workers with them
        inFlight.add(executor.submit(() -> workerOfThread.get().apply(input)));
        weights.add(weight);
        weightInFlight += weight;
    }

    /** The weight of the inputs in flight now. */
    public long weightInFlight() {
        return weightInFlight;
    }

    private void takeOldest() {
        Future<O> oldest = inFlight.poll();
        weightInFlight -= weights.poll();
        sink.accept(await(oldest));
    }

    /** Waits for everything submitted and hands it to the sink. */
    public void finish() {
        while (!inFlight.isEmpty()) {
            takeOldest();
        }
    }

    private O await(Future<O> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CsvImportException("the import was interrupted", 0, true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("validation failed", cause);
        }
    }

    /** Abandons work still in flight and stops the threads, waiting at most 5 seconds. */
    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
        weights.clear();
        weightInFlight = 0;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
