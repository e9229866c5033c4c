package io.batchcall.benchmarks.fault;

import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Throughput mode: for each engine count in {@code --engines} (default {@code 1,2,4}), on a fresh
 * database and a fault-free carrier (every call answered, all four status callbacks), sends
 * {@code --recipients} (default 6000) in batches of {@code --batchSize} (50) that fall due every
 * {@code --spacingMs} (100 ms: 500 dials/s offered) over {@code --accounts} (10) accounts with cap
 * {@code --cap} (100). Reports the carrier's dial rate, the completed rate (every status applied,
 * every batch completed), the dispatch lag (due → the carrier's POST arrived) p50/p99/max, and the
 * CPU of each process over the run.
 */
final class Throughput {
    private Throughput() {
    }

    static void run(Options base, PostgresDatabase unused, PrintStream out) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String count : base.get("engines", "1,2,4").split(",")) {
            Options o = new Options(base.toArgs().toArray(String[]::new)).with("engines", count.trim());
            defaults(o);
            try (PostgresDatabase db = PostgresServer.shared().createDatabase("fault_tp_" + count.trim())) {
                rows.add(once(o, db, out));
            }
        }
        out.println();
        out.println("| engines | recipients | offered/s | dials/s at carrier | completed/s (all events) | lag p50 | lag p99"
                + " | lag max | CPU s per engine | CPU carrier | CPU PostgreSQL | CPU µs/dial (engines+PG) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(out::println);
    }

    private static void defaults(Options o) {
        String[][] d = {{"recipients", "6000"}, {"accounts", "10"}, {"cap", "100"}, {"batchSize", "50"},
            {"spacingMs", "100"}, {"ringMinMs", "100"}, {"ringMaxMs", "300"}, {"talkMinMs", "1000"},
            {"talkMaxMs", "1500"}, {"mix", "100:0:0:0"}, {"pollMs", "20"}, {"dialThreads", "16"},
            {"leaseMs", "30000"}, {"kills", "0"}};
        for (String[] kv : d) {
            if (!o.has(kv[0])) {
                o.with(kv[0], kv[1]);
            }
        }
        int batches = Math.max(1, o.getInt("recipients", 6000) / o.getInt("batchSize", 50));
        o.with("batchesPerAccount", Math.max(1, batches / o.getInt("accounts", 10)));
    }

    private static String once(Options o, PostgresDatabase db, PrintStream out) throws Exception {
        Path dir = FaultRun.runDir(o, "throughput-" + o.get("engines", "1"));
        out.println("throughput run in " + dir + " with " + o);
        try (HikariDataSource ds = FaultRun.pool(db, "harness")) {
            Clock clock = Clock.systemUTC();
            JdbcStorage storage = JdbcStorage.builder(ds).clock(clock).migrate(true).build();
            JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).clock(clock).migrate(true).build();
            try (BatchCalls admin = BatchCalls.builder(storage, Campaign.NO_DIALS, ledger).clock(clock)
                    .nodeName("harness").tariff(EngineNode.TARIFF).build();
                    Harness h = new Harness(dir, o, db, out)) {
                Instant start = clock.instant().plusSeconds(5);
                Campaign c = Campaign.create(admin, ledger, o, start, Duration.ofMillis(o.getLong("spacingMs", 100)));
                double[] engineCpu0 = h.nodes.stream().mapToDouble(Harness.Node::cpuSeconds).toArray();
                double carrierCpu0 = ProcCpu.seconds(h.carrier.pid());
                double pg0 = ProcCpu.postgresSeconds();
                long deadline = System.nanoTime() + o.getLong("maxRunS", 600) * 1_000_000_000L;
                while (!c.finished(admin) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Instant finished = clock.instant();
                double engineCpu = 0;
                for (int i = 0; i < h.nodes.size(); i++) {
                    engineCpu += h.nodes.get(i).cpuSeconds() - engineCpu0[i];
                }
                double carrierCpu = ProcCpu.seconds(h.carrier.pid()) - carrierCpu0;
                double pg = ProcCpu.postgresSeconds() - pg0;
                CarrierRecord record = CarrierRecord.read(dir.resolve("carrier.log"));
                List<Long> lags = new ArrayList<>();
                long first = Long.MAX_VALUE;
                long last = 0;
                for (CarrierRecord.Call call : record.calls.values()) {
                    first = Math.min(first, call.createdMs);
                    last = Math.max(last, call.createdMs);
                    Instant due = c.dueByNumber.get(call.to);
                    if (due != null) {
                        lags.add(call.createdMs - due.toEpochMilli());
                    }
                }
                Collections.sort(lags);
                int n = record.calls.size();
                int recipients = c.dueByNumber.size();
                Instant lastDue = c.due.get(c.due.size() - 1);
                double offered = recipients / Math.max(0.001, (lastDue.toEpochMilli() - start.toEpochMilli()) / 1000.0
                        + o.getLong("spacingMs", 100) / 1000.0);
                double dialRate = n / Math.max(0.001, (last - first) / 1000.0);
                double completedRate = recipients / Math.max(0.001, (finished.toEpochMilli() - start.toEpochMilli())
                        / 1000.0);
                String row = String.format("| %s | %d | %.0f | %.0f | %.0f | %d ms | %d ms | %d ms | %.1f | %.1f | %.1f | %.0f"
                        + " |", o.get("engines", "1"), recipients, offered, dialRate, completedRate, pct(lags, 50),
                        pct(lags, 99), lags.isEmpty() ? -1 : lags.get(lags.size() - 1), engineCpu / h.nodes.size(),
                        carrierCpu, pg, (engineCpu + pg) * 1e6 / Math.max(1, n));
                out.println(row + (c.finished(admin) ? "" : " (NOT finished)"));
                Files.writeString(dir.resolve("throughput.txt"), o + "\n" + row + "\n");
                return row;
            }
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
