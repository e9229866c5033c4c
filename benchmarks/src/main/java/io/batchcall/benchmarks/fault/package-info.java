/**
 * The fault harness of issue 9: a fake Twilio in its own process ({@link
 * io.batchcall.benchmarks.fault.FakeCarrier}), engine processes on one PostgreSQL ({@link
 * io.batchcall.benchmarks.fault.EngineNode}), a round-robin callback front, random SIGKILLs, and an
 * audit over the database and the carrier's own log ({@link io.batchcall.benchmarks.fault.Audit}).
 * Run by {@link io.batchcall.benchmarks.fault.FaultRun}. A benchmark program, not library API.
 */
package io.batchcall.benchmarks.fault;
