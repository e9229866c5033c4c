package io.batchcall.benchmarks.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.model.AccountLimits;
import io.batchcall.BatchCalls;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcBackend;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.Money;
import io.batchcall.model.Tariff;
import io.batchcall.twilio.TwilioStatusCallbacks;
import io.batchcall.twilio.TwilioTelephony;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * One engine process of the fault harness, wired as a host would wire it (see {@code
 * examples/TwilioCampaign}): {@code BatchCalls} on {@code JdbcStorage} + {@code JdbcCreditLedger}
 * (HikariCP pool on the shared PostgreSQL), {@code TwilioTelephony} pointed at the fake carrier,
 * and {@code TwilioStatusCallbacks} served by a JDK HttpServer at {@code /twilio/status} behind the
 * callback front (the signature is checked over the front's public URL). Its clock may be offset
 * ({@code --skewMs}). It serves {@code GET /health} and exits when its standard input closes.
 */
public final class EngineNode {
    static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "fault-harness-auth-token";
    /** The harness's tariff: $0.005 per dial + $0.01 per started minute. */
    static final Tariff TARIFF = Tariff.of(Money.usd("0.005"), Money.usd("0.01"));

    private EngineNode() {
    }

    /**
     * {@code --jdbc URL --user U --password P --initSql SQL --name N --port P --apiBase URL
     * --publicBase URL [--skewMs 0 --leaseMs 10000 --requestTimeoutMs 18000 --pollMs 50
     * --staleMs 60000 --reconcileMs 1000 --dialThreads 8 --pool 8 --accountSetting batchcall.test_account]}.
     */
    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        String name = o.get("name", "node");
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(o.getLong("skewMs", 0)));
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(o.get("jdbc", null));
        c.setUsername(o.get("user", "postgres"));
        c.setPassword(o.get("password", ""));
        if (!o.get("initSql", "").isBlank()) {
            c.setConnectionInitSql(o.get("initSql", ""));
        }
        c.setMaximumPoolSize(o.getInt("pool", 8));
        c.setPoolName(name);
        c.addDataSourceProperty("ApplicationName", name);
        HikariDataSource pool = new HikariDataSource(c);
        // --accountSetting: the single-account mode (row-level security binds this node's role).
        JdbcBackend backend = JdbcBackend.builder(pool).clock(clock).migrate(false)
                .accountSetting(o.get("accountSetting", "").isBlank() ? null : o.get("accountSetting", "")).build();
        JdbcStorage storage = backend.storage();
        JdbcCreditLedger ledger = backend.ledger();
        String publicBase = o.get("publicBase", null);
        TwilioTelephony twilio = TwilioTelephony.builder(ACCOUNT_SID, TOKEN, URI.create(publicBase + "/twilio/status"),
                URI.create(publicBase + "/twilio/answer")).apiBase(URI.create(o.get("apiBase", null)))
                .requestTimeout(Duration.ofMillis(o.getLong("requestTimeoutMs", 18_000))).clock(clock).build();
        BatchCalls calls = BatchCalls.builder(storage, twilio, ledger).clock(clock).nodeName(name).tariff(TARIFF)
                .lease(Duration.ofMillis(o.getLong("leaseMs", 10_000)))
                .staleCallAfter(Duration.ofMillis(o.getLong("staleMs", 60_000)))
                .reconcileInterval(Duration.ofMillis(o.getLong("reconcileMs", 1000)))
                .carrierBackoff(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(o.getLong("pollMs", 50)))
                .accountLimits(new AccountLimits(o.getInt("cap", 20), 0)) // every account's cap, the same on every node
                .dialThreads(o.getInt("dialThreads", 8)).shutdownWait(Duration.ZERO).build();
        TwilioStatusCallbacks callbacks = TwilioStatusCallbacks.create(ACCOUNT_SID, TOKEN, calls.statusSink(), clock);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                o.getInt("port", 0)), 200);
        server.setExecutor(Executors.newFixedThreadPool(o.getInt("webhookThreads", 16)));
        server.createContext("/twilio/status", exchange -> status(exchange, publicBase, callbacks, name));
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        calls.start();
        server.start();
        System.out.println(name + " ready on port " + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent goes away
        }
        System.exit(0);
    }

    private static void status(HttpExchange exchange, String base, TwilioStatusCallbacks callbacks, String name)
            throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            TwilioStatusCallbacks.Result result = callbacks.handle(base + exchange.getRequestURI(), body,
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
            if (!result.accepted() || !result.applied()) {
                System.out.println(name + " callback " + exchange.getRequestURI().getRawQuery() + " -> HTTP "
                        + result.httpStatus() + (result.accepted() ? " not applied: " + result.update() : " refused: "
                        + result.reason()));
            }
            exchange.sendResponseHeaders(result.httpStatus(), -1);
        }
    }
}
