/**
 * {@code DispatchBenchmark} and its parts: the PostgreSQL server it measures on, the measured
 * window (CPU of this JVM, of the server, of everything else on the machine, JIT), the peer runs
 * (db-scheduler lock-and-fetch, the raw {@code SKIP LOCKED} loop), the batchcall runs on
 * PostgreSQL, H2 and in memory, and the statement profiles. Programs, not API.
 */
package io.batchcall.benchmarks.dispatch;
