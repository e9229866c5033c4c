package io.batchcall.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.ImportSession;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Dispatch throughput on PostgreSQL, measured in one run against the same server:
 * <ol>
 *   <li>the reference: a plain JDBC loop claiming 10 rows at a time with the partial-index
 *   {@code FOR UPDATE SKIP LOCKED} query and marking them done;</li>
 *   <li>batchcall: complete dials (claim, attempt, credit hold, carrier placement, three status
 *   events, capture) with a zero-latency simulated carrier, with 1, 2 and 4 engines, each with
 *   its own connection pool.</li>
 * </ol>
 * Prints items per second and CPU per item (this JVM + this benchmark's PostgreSQL server: its
 * postmaster, its backends and the ones it reaped). Usage:
 * {@code java -cp ... io.batchcall.benchmarks.DispatchBenchmark [recipients=20000] [engines=1,2,4]
 * [accounts=1,10]}: the recipients are split into one batch per account, sent together.
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String engines = args.length > 1 ? args[1] : "1,2,4";
        String accountCounts = args.length > 2 ? args[2] : "1,10";
        PostgresServer server = PostgresServer.shared();
        System.out.printf("PostgreSQL: %s; %d items per run; %d cores%n", server.description(), n,
                Runtime.getRuntime().availableProcessors());
        Result raw = rawClaimLoop(server.createDatabase("bench_raw"), Math.max(n, 100_000));
        System.out.printf("reference  raw SKIP LOCKED claim loop, 10 rows/claim, 1 thread, at least 100,000 items: %,.0f items/s, "
                + "CPU %.0f + %.0f us/item (JVM + PostgreSQL)%n", raw.perSecond, raw.jvmMicros, raw.pgMicros);
        for (String a : accountCounts.split(",")) {
            int accounts = Integer.parseInt(a.trim());
            for (String e : engines.split(",")) {
                int count = Integer.parseInt(e.trim());
                Result r = batchcall(server.createDatabase("bench_bc_" + count + "_" + accounts), n, count, accounts);
                System.out.printf("batchcall  %d engine(s), %d account(s): %,.0f completed dials/s (%.0f%% of the "
                        + "reference), CPU %.0f + %.0f us/dial (JVM + PostgreSQL)%n", count, accounts, r.perSecond,
                        100 * r.perSecond / raw.perSecond, r.jvmMicros, r.pgMicros);
            }
        }
        System.exit(0);
    }

    private record Result(double perSecond, double jvmMicros, double pgMicros) {
    }

    private static HikariDataSource pool(PostgresDatabase db, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setMaximumPoolSize(size);
        return new HikariDataSource(c);
    }

    private static Result rawClaimLoop(PostgresDatabase db, int n) throws Exception {
        try (HikariDataSource ds = pool(db, 2); Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE items (id bigserial PRIMARY KEY, batch_id bigint NOT NULL, "
                        + "status text NOT NULL, not_before bigint NOT NULL)");
                s.execute("INSERT INTO items (batch_id, status, not_before) SELECT 1, 'pending', 0 "
                        + "FROM generate_series(1, " + n + ")");
                s.execute("CREATE INDEX items_pending ON items (batch_id, not_before, id) WHERE status = 'pending'");
                s.execute("VACUUM ANALYZE items");
            }
            c.setAutoCommit(false);
            long server = CpuMeter.postmasterOf(ds);
            double jvm0 = CpuMeter.jvmSeconds();
            double pg0 = CpuMeter.serverSeconds(server);
            long t0 = System.nanoTime();
            int done = 0;
            try (PreparedStatement claim = c.prepareStatement("SELECT id FROM items WHERE batch_id = 1 AND "
                    + "status = 'pending' AND not_before <= ? ORDER BY not_before, id LIMIT 10 FOR UPDATE SKIP LOCKED");
                    PreparedStatement mark = c.prepareStatement("UPDATE items SET status = 'done' WHERE id = ANY(?)")) {
                while (done < n) {
                    claim.setLong(1, Long.MAX_VALUE);
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    if (ids.isEmpty()) {
                        break;
                    }
                    mark.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    mark.executeUpdate();
                    c.commit();
                    done += ids.size();
                }
            }
            return result(done, t0, jvm0, pg0, server);
        }
    }

    private static AccountId account(int i) {
        return AccountId.of("bench-" + i);
    }

    /** n recipients in {@code accounts} batches, one per account, sent together. */
    private static Result batchcall(PostgresDatabase db, int n, int engines, int accounts) throws Exception {
        Clock clock = Clock.systemUTC();
        List<HikariDataSource> pools = new ArrayList<>();
        List<BatchCalls> nodes = new ArrayList<>();
        SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults()
                .withRing(Duration.ZERO, Duration.ZERO).withTalk(Duration.ZERO, Duration.ZERO)
                // No "no answer": the simulator rings those for the full ring timeout (30 s), which
                // would measure the cap, not dispatch.
                .withMix(85, 10, 0, 5));
        try {
            for (int i = 0; i < engines; i++) {
                HikariDataSource ds = pool(db, 12);
                pools.add(ds);
                JdbcStorage storage = JdbcStorage.builder(ds).clock(clock).migrate(i == 0).build();
                JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).clock(clock).migrate(i == 0).build();
                BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("bench-" + i)
                        .tariff(Tariff.of(Money.usd("0.01"))).pollInterval(Duration.ofMillis(Long.getLong("bench.pollMs", 10)))
                        .claimChunk(50).maxDialsPerStep(2000).dialThreads(8)
                        .accountLimits(new AccountLimits(100, 0)).build();
                nodes.add(calls);
                if (i == 0) {
                    carrier.connect(calls.statusSink());
                    for (int a = 0; a < accounts; a++) {
                        ledger.topUp(account(a), Money.usd("1000000"), "bench");
                    }
                }
            }
            BatchCalls first = nodes.get(0);
            carrier.start(Duration.ofMillis(1), 16);
            nodes.forEach(BatchCalls::start);
            // Warm-up batch (not measured): JIT, pools, and table statistics as autovacuum would
            // have them on a database in use.
            runBatch(first, "warm-up", account(0), 0, Math.max(1000, n / 5));
            try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            List<Batch> batches = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                int size = n / accounts + (a < n % accounts ? 1 : 0);
                batches.add(createBatch(first, "measured", account(a), 1_000_000 + a * (n / accounts + 1), size));
            }
            long server = CpuMeter.postmasterOf(pools.get(0));
            double jvm0 = CpuMeter.jvmSeconds();
            double pg0 = CpuMeter.serverSeconds(server);
            long t0 = System.nanoTime();
            batches.forEach(b -> first.send(b.id()));
            for (Batch b : batches) {
                awaitDone(first, b, (int) first.batch(b.id()).counts().total());
            }
            Result result = result(n, t0, jvm0, pg0, server);
            if (Boolean.getBoolean("bench.tableStats")) {
                try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT relname, seq_scan, seq_tup_read, idx_scan, n_tup_upd, "
                                + "n_tup_ins FROM pg_stat_user_tables ORDER BY seq_tup_read DESC")) {
                    while (rs.next()) {
                        System.out.printf("  %-24s seq_scan %8d seq_tup_read %12d idx_scan %10d upd %8d ins %8d%n",
                                rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6));
                    }
                }
            }
            return result;
        } finally {
            nodes.forEach(BatchCalls::close);
            carrier.close();
            pools.forEach(HikariDataSource::close);
        }
    }

    private static Batch createBatch(BatchCalls calls, String name, AccountId account, int firstNumber, int n) {
        BatchSpec spec = BatchSpec.builder(name, account, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).build();
        Batch batch = calls.createDraft(spec);
        List<NewRecipient> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(NewRecipient.of(new PhoneNumber("+1212" + (2_000_000 + firstNumber + i)), "R" + i));
        }
        calls.addRecipients(batch.id(), list);
        return batch;
    }

    private static void runBatch(BatchCalls calls, String name, AccountId account, int firstNumber, int n)
            throws InterruptedException {
        Batch batch = createBatch(calls, name, account, firstNumber, n);
        calls.send(batch.id());
        awaitDone(calls, batch, n);
    }

    private static void awaitDone(BatchCalls calls, Batch batch, int n) throws InterruptedException {
        while (true) {
            var counts = calls.batch(batch.id()).counts();
            if (counts.completed() + counts.failed() >= n) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private static Result result(int items, long t0, double jvm0, double pg0, long server) throws java.io.IOException {
        double seconds = (System.nanoTime() - t0) / 1e9;
        double jvm = CpuMeter.jvmSeconds() - jvm0;
        double pg = CpuMeter.serverSeconds(server) - pg0;
        return new Result(items / seconds, jvm * 1e6 / items, pg * 1e6 / items);
    }
}
