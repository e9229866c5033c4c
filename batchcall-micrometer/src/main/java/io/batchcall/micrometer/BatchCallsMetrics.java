package io.batchcall.micrometer;

import io.batchcall.model.AccountId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.EngineStats;
import io.batchcall.spi.TelephonyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * batchcall's Micrometer meters. Hand it to the engine as an observer, show it the engine's stats,
 * and bind it to the host's registry:
 *
 * <pre>{@code
 * BatchCallsMetrics metrics = BatchCallsMetrics.builder().build();
 * BatchCalls calls = BatchCalls.builder(storage, telephony, ledger).observer(metrics).build();
 * metrics.watch(calls.stats());
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>Meters (names in Micrometer's dotted form; registries add units and {@code _total}):
 * <ul>
 * <li>{@code batchcall.dials} counter: calls the carrier accepted;</li>
 * <li>{@code batchcall.call.outcomes} counter, tag {@code status} (completed, busy, no_answer, failed);</li>
 * <li>{@code batchcall.carrier.errors} counter, tag {@code kind} (retryable, permanent, fatal, ambiguous);</li>
 * <li>{@code batchcall.dispatch.lag} timer with a percentile histogram: recipient due → call placed;</li>
 * <li>{@code batchcall.claims} timer, tag {@code result} (claimed, empty): one store claim each;</li>
 * <li>{@code batchcall.engine.steps} timer, tag {@code outcome} (success, error);</li>
 * <li>{@code batchcall.csv.rows} counter, tag {@code result} (imported, rejected);</li>
 * <li>{@code batchcall.events.written} and {@code batchcall.events.delivered} counters;</li>
 * <li>{@code batchcall.settlements} counter, tag {@code result} (done, failed);</li>
 * <li>gauges {@code batchcall.calls.active}, {@code batchcall.batches} (tag {@code status}),
 *     {@code batchcall.credit.holds.open}, {@code batchcall.settlements.pending} (NaN while the
 *     store cannot count them), refreshed from the store in the background.</li>
 * </ul>
 *
 * <p>No meter carries an account tag unless {@link Builder#accountTags(int)} asks for it; then
 * dials, outcomes and carrier errors carry {@code account} for the first N accounts seen (the
 * rest as {@code account=other}), and {@code batchcall.account.calls.active} shows the N accounts
 * with the most calls in flight plus {@code other}. Thread-safe. {@link #close()} stops the
 * background refresh.
 */
public final class BatchCallsMetrics implements MeterBinder, EngineObserver, AutoCloseable {
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final Tags common;
    private final AccountTags accounts;
    private final int accountLimit;
    private final Duration refreshEvery;
    private final Timer dispatchLag;
    private final Counter imported;
    private final Counter rejected;
    private final Counter eventsWritten;
    private final Counter eventsDelivered;
    private StatsGauges gauges;
    private ScheduledExecutorService refresher;

    private BatchCallsMetrics(Builder b) {
        this.common = b.tags;
        this.accountLimit = b.accountLimit;
        this.accounts = b.accountLimit > 0 ? new AccountTags(b.accountLimit) : null;
        this.refreshEvery = b.refreshEvery;
        this.dispatchLag = Timer.builder("batchcall.dispatch.lag")
                .description("From when a recipient was due to when its call was placed")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.95, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .tags(common).register(meters);
        this.imported = csvRows("imported");
        this.rejected = csvRows("rejected");
        this.eventsWritten = Counter.builder("batchcall.events.written").baseUnit("events")
                .description("Status events read from the store's event log (written by any node)")
                .tags(common).register(meters);
        this.eventsDelivered = Counter.builder("batchcall.events.delivered").baseUnit("events")
                .description("Successful deliveries of status events to listeners").tags(common).register(meters);
        if (accounts == null) {
            for (RecipientStatus s : new RecipientStatus[] {RecipientStatus.COMPLETED, RecipientStatus.BUSY,
                    RecipientStatus.NO_ANSWER, RecipientStatus.FAILED}) {
                outcomes(null, s);
            }
            for (TelephonyException.Kind k : TelephonyException.Kind.values()) {
                carrierErrors(null, k);
            }
            dials(null);
        }
    }

    /**
     * Metrics without account tags, refreshing gauges every 15 seconds.
     *
     * @return the metrics, not yet bound to a registry
     */
    public static BatchCallsMetrics create() {
        return builder().build();
    }

    /**
     * A builder for metrics with other settings: account tags, refresh interval, common tags.
     *
     * @return a new builder with the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the gauges read from {@code stats} (usually {@code BatchCalls.stats()}) and starts
     * the background refresh, which reads them from the store once per refresh interval.
     *
     * @param stats the engine's stats, from {@link io.batchcall.BatchCalls#stats()}; not null
     * @return this
     * @throws IllegalStateException if already watching
     */
    public synchronized BatchCallsMetrics watch(EngineStats stats) {
        Objects.requireNonNull(stats, "stats must not be null");
        if (gauges != null) {
            throw new IllegalStateException("these metrics already watch an engine's stats");
        }
        gauges = new StatsGauges(stats, accountLimit);
        gauges.register(meters, common);
        if (!refreshEvery.isZero()) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "batchcall-metrics");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(gauges::refresh, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Reads the gauges' figures from the store now (tests, or hosts that refresh on their own schedule). */
    public void refresh() {
        StatsGauges g;
        synchronized (this) {
            g = gauges;
        }
        if (g != null) {
            g.refresh();
        }
    }

    /** Adds {@code registry} to the registries these meters report to; may be called for several. */
    @Override
    public void bindTo(MeterRegistry registry) {
        meters.add(Objects.requireNonNull(registry, "registry must not be null"));
    }

    /** Stops the background refresh of the gauges. */
    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public void onDialPlaced(AccountId account, Duration lag) {
        dials(account).increment();
        dispatchLag.record(lag);
    }

    @Override
    public void onCallOutcome(AccountId account, RecipientStatus status) {
        outcomes(account, status).increment();
    }

    @Override
    public void onCarrierError(AccountId account, TelephonyException.Kind kind) {
        carrierErrors(account, kind).increment();
    }

    @Override
    public void onClaim(AccountId account, int claimed, Duration latency) {
        Timer.builder("batchcall.claims").description("Claims of due recipients from the store, one per batch turn")
                .tags(common).tag("result", claimed > 0 ? "claimed" : "empty").register(meters).record(latency);
    }

    @Override
    public void onEngineStep(Duration duration, Throwable error) {
        Timer.builder("batchcall.engine.steps").description("Engine steps (runOnce)")
                .tags(common).tag("outcome", error == null ? "success" : "error").register(meters).record(duration);
    }

    @Override
    public void onCsvImport(long importedRows, long rejectedRows) {
        imported.increment(importedRows);
        rejected.increment(rejectedRows);
    }

    @Override
    public void onEvents(int written, int delivered) {
        eventsWritten.increment(written);
        eventsDelivered.increment(delivered);
    }

    @Override
    public void onSettlement(AccountId account, boolean done) {
        Counter.builder("batchcall.settlements").baseUnit("calls")
                .description("Ended calls settled against the credit ledger, or whose settlement failed")
                .tags(common).tag("result", done ? "done" : "failed").register(meters).increment();
    }

    private Counter dials(AccountId account) {
        return Counter.builder("batchcall.dials").baseUnit("calls").description("Calls the carrier accepted")
                .tags(withAccount(account)).register(meters);
    }

    private Counter outcomes(AccountId account, RecipientStatus status) {
        return Counter.builder("batchcall.call.outcomes").baseUnit("calls")
                .description("Calls ended, by final status").tags(withAccount(account))
                .tag("status", status.wireName()).register(meters);
    }

    private Counter carrierErrors(AccountId account, TelephonyException.Kind kind) {
        return Counter.builder("batchcall.carrier.errors").baseUnit("errors")
                .description("Carrier refusals and failures to place a call, by how they were handled")
                .tags(withAccount(account)).tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(meters);
    }

    private Counter csvRows(String result) {
        return Counter.builder("batchcall.csv.rows").baseUnit("rows").description("CSV rows imported or rejected")
                .tags(common).tag("result", result).register(meters);
    }

    private Tags withAccount(AccountId account) {
        return accounts == null || account == null ? common : common.and("account", accounts.of(account));
    }

    /** Options; every setter checks its argument and names it in the message. */
    public static final class Builder {
        private int accountLimit;
        private Duration refreshEvery = Duration.ofSeconds(15);
        private Tags tags = Tags.empty();

        private Builder() {
        }

        /**
         * Tags dials, outcomes and carrier errors with {@code account} for the first {@code limit}
         * accounts seen, and shows the {@code limit} accounts with the most calls in flight; 0 (the
         * default) for no account tags, at most 100.
         *
         * @param limit the number of accounts tagged, 0 to 100
         * @return this builder
         * @throws IllegalArgumentException if limit is outside 0-100
         */
        public Builder accountTags(int limit) {
            if (limit < 0 || limit > 100) {
                throw new IllegalArgumentException("accountTags must be between 0 and 100, but was " + limit);
            }
            this.accountLimit = limit;
            return this;
        }

        /**
         * How often gauges are read from the store; 1 s to 10 min, or 0 for never (call refresh()).
         *
         * @param value the interval; {@link Duration#ZERO} for never
         * @return this builder
         * @throws IllegalArgumentException if value is neither zero nor within 1 s to 10 min
         */
        public Builder refreshEvery(Duration value) {
            Objects.requireNonNull(value, "refreshEvery must not be null");
            if (!value.isZero() && (value.compareTo(Duration.ofSeconds(1)) < 0
                    || value.compareTo(Duration.ofMinutes(10)) > 0)) {
                throw new IllegalArgumentException("refreshEvery must be 0 or between 1 s and 10 min, but was "
                        + value);
            }
            this.refreshEvery = value;
            return this;
        }

        /**
         * Tags added to every meter (for example the node name).
         *
         * @param value the tags; not null
         * @return this builder
         */
        public Builder tags(Iterable<Tag> value) {
            this.tags = Tags.of(Objects.requireNonNull(value, "tags must not be null"));
            return this;
        }

        /**
         * Builds the metrics. Bind them to a registry and hand them to the engine builder as an observer.
         *
         * @return the metrics
         */
        public BatchCallsMetrics build() {
            return new BatchCallsMetrics(this);
        }
    }
}
