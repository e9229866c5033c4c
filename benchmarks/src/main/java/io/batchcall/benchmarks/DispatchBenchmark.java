package io.batchcall.benchmarks;

import io.batchcall.benchmarks.dispatch.Dispatch;

/**
 * Dispatch cost measured against its peers in one run (benchmarks/README.md, "Dispatch"): on one
 * PostgreSQL server (embedded with fsync on and {@code pg_stat_statements}, or {@code
 * BATCHCALL_PG_URL}), db-scheduler's lock-and-fetch and the raw {@code SKIP LOCKED} loop, then
 * batchcall's completed dials per engine and account count, each with its CPU per item, the
 * machine's other load, the JIT's time in the window and the statements and commits per item; then
 * the two ratios. Then H2 (a file database, rate per segment as the tables grow) and in memory
 * (CPU per dial). Arguments: see {@link Dispatch}.
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dispatch.main(args);
    }
}
