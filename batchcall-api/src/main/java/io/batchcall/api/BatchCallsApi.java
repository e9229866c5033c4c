package io.batchcall.api;

import io.batchcall.BatchCalls;
import io.batchcall.api.internal.AccountEvents;
import io.batchcall.api.internal.ApiContext;
import io.batchcall.api.internal.ApiProblem;
import io.batchcall.api.internal.Errors;
import io.batchcall.api.internal.EventStream;
import io.batchcall.api.internal.LastReports;
import io.batchcall.api.internal.Limits;
import io.batchcall.api.internal.Routes;
import io.batchcall.api.internal.Scoped;
import io.batchcall.api.internal.SpecMapper;
import io.batchcall.csv.ImportOptions;
import io.batchcall.model.AccountId;
import io.batchcall.model.Tariff;
import io.batchcall.spi.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batchcall HTTP API as one framework-free handler: REST resources and the product's
 * action-style body in snake_case JSON, CSV upload and export, problem+json errors, an OpenAPI 3.1
 * document at {@code GET /openapi.json}, and Server-Sent Events of status changes. Besides batches
 * and recipients it takes disposition reports for attempts, call backs, an account's signed
 * webhooks with their dead letters, its suppression (do-not-call) list with a streamed bulk load,
 * and the erasure of a number from every batch of the account.
 *
 * <pre>{@code
 * BatchCallsApi api = BatchCallsApi.builder(calls, storage.events()).build();
 * ApiResponse res = api.handle(new ApiRequest(account, "GET", "/batches", query, headers, body));
 * }</pre>
 *
 * <p>The host authenticates and passes the account; one account never sees or changes another's
 * batches (they answer 404 like unknown ids) or suppression list. Thread-safe. The event stream reads the store's
 * event log on one thread of its own, so every node serves every change; {@link #close()} ends the
 * streams and stops that thread.
 */
public final class BatchCallsApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchCallsApi.class);

    private final Routes routes;
    private final EventStream stream;
    private final ScheduledExecutorService poller;
    private final boolean ownsPoller;

    private BatchCallsApi(Builder b) {
        this.ownsPoller = b.poller == null;
        this.poller = ownsPoller ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "batchcall-api-events");
            t.setDaemon(true);
            return t;
        }) : b.poller;
        AccountEvents events = new AccountEvents(b.events);
        this.stream = new EventStream(events, poller, b.pollInterval, b.heartbeat, b.streamBuffer);
        ApiContext ctx = new ApiContext(b.calls, new Scoped(b.calls), new SpecMapper(b.calls::accountLimits), b.tariff,
                b.assumedTalkTime, b.clock, b.importOptions, events, stream, new LastReports(256));
        this.routes = new Routes(ctx, new Limits(b.maxJsonBytes, b.maxCsvBytes));
        LOG.info("batchcall API: tariff {} + {}/min, estimate at {} s talk, JSON up to {} bytes, CSV up to {} bytes, "
                + "event poll {}, heartbeat {}", b.tariff.dialFee(), b.tariff.perMinute(),
                b.assumedTalkTime.toSeconds(), b.maxJsonBytes, b.maxCsvBytes, b.pollInterval, b.heartbeat);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder; each setter names its default
     * @param calls the facade the API drives
     * @param events the store's event log ({@code storage.events()}), which the stream follows
     */
    public static Builder builder(BatchCalls calls, EventLog events) {
        return new Builder(calls, events);
    }

    /**
     * Answers one request. Never throws for a bad request: errors come back as
     * {@code application/problem+json} responses. Streaming bodies (CSV export, events) do their
     * work when the host writes them.
     *
     * @param request the HTTP request, with the account the host authenticated
     * @return the response; its body is written when the host writes it
     */
    public ApiResponse handle(ApiRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        try {
            return routes.dispatch(request);
        } catch (RuntimeException e) {
            ApiProblem p = Errors.problem(e, request.method(), request.path());
            return routes.problem(p, request.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every route as {@code "METHOD /template"}, in registration order.
     *
     * @return the route list, unmodifiable
     */
    public List<String> routes() {
        return routes.describe();
    }

    /**
     * Clients connected to the event stream now.
     *
     * @return the number of connected stream clients
     */
    public int streamClients() {
        return stream.connected();
    }

    /** Ends the event streams (within about half a second) and stops the API's own poller thread. */
    @Override
    public void close() {
        stream.close();
        if (ownsPoller) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Settings of the API; each setter checks its value and says what was wrong. */
    public static final class Builder {
        private final BatchCalls calls;
        private final EventLog events;
        private Tariff tariff;
        private Duration assumedTalkTime = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private ImportOptions importOptions = ImportOptions.ofDefaults();
        private long maxJsonBytes = 1 << 20;
        private long maxCsvBytes = 512L << 20;
        private Duration pollInterval = Duration.ofMillis(100);
        private Duration heartbeat = Duration.ofSeconds(15);
        private int streamBuffer = 1000;
        private ScheduledExecutorService poller;

        private Builder(BatchCalls calls, EventLog events) {
            this.calls = Objects.requireNonNull(calls, "calls must not be null");
            this.events = Objects.requireNonNull(events, "events must not be null");
            this.tariff = calls.tariff();
        }

        /**
         * The tariff of cost estimates; default: the engine's ({@link BatchCalls#tariff()}).
         *
         * @param value the tariff; not null
         * @return this builder
         */
        public Builder tariff(Tariff value) {
            this.tariff = Objects.requireNonNull(value, "tariff must not be null");
            return this;
        }

        /**
         * Talk time per call that estimates assume when the client gives none; 0 s to 1 day (default 60 s).
         *
         * @param value the assumed talk time
         * @return this builder
         * @throws IllegalArgumentException if value is outside 0 s to 1 day
         */
        public Builder assumedTalkTime(Duration value) {
            this.assumedTalkTime = within("assumedTalkTime", value, Duration.ZERO, Duration.ofDays(1));
            return this;
        }

        /**
         * The clock that anchors a recurrence created without {@code scheduled_at}; the engine's.
         *
         * @param value the clock; not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * Options of CSV uploads (default region, limits); {@code default_region} may override per upload.
         *
         * @param value the import options; not null
         * @return this builder
         */
        public Builder importOptions(ImportOptions value) {
            this.importOptions = Objects.requireNonNull(value, "importOptions must not be null");
            return this;
        }

        /**
         * Largest JSON body; 1 KiB to 64 MiB (default 1 MiB). Larger bodies answer 413.
         *
         * @param value the limit in bytes
         * @return this builder
         * @throws IllegalArgumentException if value is outside 1 KiB to 64 MiB
         */
        public Builder maxJsonBytes(long value) {
            this.maxJsonBytes = between("maxJsonBytes", value, 1024, 64L << 20);
            return this;
        }

        /**
         * Largest CSV upload; 1 KiB to 64 GiB (default 512 MiB). Larger uploads answer 413, nothing stored.
         *
         * @param value the limit in bytes
         * @return this builder
         * @throws IllegalArgumentException if value is outside 1 KiB to 64 GiB
         */
        public Builder maxCsvBytes(long value) {
            this.maxCsvBytes = between("maxCsvBytes", value, 1024, 64L << 30);
            return this;
        }

        /**
         * How often the stream reads the event log; 10 ms to 1 min (default 100 ms).
         *
         * @param value the poll interval
         * @return this builder
         * @throws IllegalArgumentException if value is outside 10 ms to 1 min
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = within("pollInterval", value, Duration.ofMillis(10), Duration.ofMinutes(1));
            return this;
        }

        /**
         * Quiet time after which a stream sends a heartbeat comment; 1 s to 5 min (default 15 s).
         *
         * @param value the heartbeat interval
         * @return this builder
         * @throws IllegalArgumentException if value is outside 1 s to 5 min
         */
        public Builder heartbeat(Duration value) {
            this.heartbeat = within("heartbeat", value, Duration.ofSeconds(1), Duration.ofMinutes(5));
            return this;
        }

        /**
         * Events buffered per stream client before reading pauses for it; 16 to 100000 (default 1000).
         *
         * @param value events per client
         * @return this builder
         * @throws IllegalArgumentException if value is outside 16-100000
         */
        public Builder streamBuffer(int value) {
            this.streamBuffer = (int) between("streamBuffer", value, 16, 100_000);
            return this;
        }

        /**
         * Reads the event log on the host's executor instead of a thread of the API's own.
         *
         * @param value the host's scheduler; not shut down by the API
         * @return this builder
         */
        public Builder poller(ScheduledExecutorService value) {
            this.poller = Objects.requireNonNull(value, "poller must not be null");
            return this;
        }

        /**
         * The API, with its event poller started (unless {@link #poller} was given).
         *
         * @return the API
         */
        public BatchCallsApi build() {
            return new BatchCallsApi(this);
        }

        private static Duration within(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was "
                        + value);
            }
            return value;
        }

        private static long between(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was "
                        + value);
            }
            return value;
        }
    }
}
