/**
 * Micrometer meters for batchcall. {@link io.batchcall.micrometer.BatchCallsMetrics} is both the
 * engine observer (counters and timers) and the {@code MeterBinder} (gauges read from
 * {@code BatchCalls.stats()}). Everything else in this package is implementation.
 */
package io.batchcall.micrometer;
