package io.batchcall.examples;

import com.sun.net.httpserver.HttpServer;
import io.batchcall.BatchCalls;
import io.batchcall.api.BatchCallsApi;
import io.batchcall.api.JdkHttpHandler;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.model.Tariff;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The API and its live page on the embedded default: an H2 file database, a simulated carrier and
 * the JDK's HTTP server. Open {@code http://localhost:8080/}, upload a CSV, send, and watch every
 * recipient's status change.
 *
 * <p>Arguments: {@code --port=8080} and {@code --db=target/batchcall-demo/db} (an H2 file path).
 * Every request acts for one demo account; a real host authenticates its users and passes their
 * account to the handler.
 */
public final class ApiServer implements AutoCloseable {
    static final AccountId ACCOUNT = AccountId.of("demo-clinic");

    private final HttpServer server;
    private final ExecutorService pool;
    private final SimulatedTelephony carrier;
    private final BatchCalls calls;
    private final BatchCallsApi api;

    private ApiServer(HttpServer server, ExecutorService pool, SimulatedTelephony carrier, BatchCalls calls,
            BatchCallsApi api) {
        this.server = server;
        this.pool = pool;
        this.carrier = carrier;
        this.calls = calls;
        this.api = api;
    }

    /** Starts the engine, the simulated carrier and the server on {@code port} (0: any free port). */
    public static ApiServer start(Path db, int port) throws IOException {
        Clock clock = Clock.systemUTC();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + db.toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        JdbcStorage storage = JdbcStorage.builder(h2).clock(clock).migrate(true).build();
        JdbcCreditLedger ledger = JdbcCreditLedger.builder(h2).clock(clock).migrate(true).build();
        ledger.topUp(ACCOUNT, Money.usd("50.00"), "demo-top-up");
        Tariff tariff = Tariff.of(Money.usd("0.013"));
        SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults()
                .withMix(70, 10, 15, 5).withRing(Duration.ofMillis(700), Duration.ofSeconds(3))
                .withTalk(Duration.ofSeconds(2), Duration.ofSeconds(8)));
        BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("api-demo")
                .tariff(tariff).pollInterval(Duration.ofMillis(100)).eventInterval(Duration.ofMillis(50))
                .shutdownWait(Duration.ofSeconds(2)).build();
        carrier.connect(calls.statusSink());
        carrier.start(Duration.ofMillis(50));
        calls.start();
        BatchCallsApi api = BatchCallsApi.builder(calls, storage.events()).clock(clock).tariff(tariff)
                .pollInterval(Duration.ofMillis(50)).build();

        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        ExecutorService pool = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "api-server-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool); // event streams hold a thread each: never the default single thread
        server.createContext("/api", JdkHttpHandler.of(api, exchange -> ACCOUNT));
        server.createContext("/", new StaticFiles("/io/batchcall/examples/web"));
        server.start();
        return new ApiServer(server, pool, carrier, calls, api);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server, the streams, the engine and the carrier. */
    @Override
    public void close() {
        api.close();
        server.stop(0);
        pool.shutdownNow();
        calls.close();
        carrier.close();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the server until the JVM stops; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int port = 8080;
        Path db = Path.of("target", "batchcall-demo", "db");
        for (String a : args) {
            if (a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--db=")) {
                db = Path.of(a.substring(5));
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "'; use --port=8080 --db=path");
            }
        }
        ApiServer s = start(db, port);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "api-server-shutdown"));
        System.out.printf("batchcall demo: http://localhost:%d/  (API under /api, OpenAPI at /api/openapi.json; "
                + "data in %s.mv.db). Ctrl-C stops.%n", s.port(), db.toAbsolutePath());
        Thread.currentThread().join();
    }
}
