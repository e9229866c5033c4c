package io.batchcall.benchmarks.fault;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.jdbc.AccountIsolation;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

/**
 * The fault harness (issue 9): {@code --mode fault} (default) runs a campaign on {@code --engines}
 * engine processes against the fake carrier with the faults asked for, SIGKILLs {@code --kills}
 * random engines at random moments (restarting each), and prints the {@link Audit} table; the exit
 * status is 1 if any audit check fails. {@code --mode throughput} measures dials/s and dispatch lag
 * (see {@link Throughput}). Options are listed in benchmarks/README.md.
 */
public final class FaultRun {
    private FaultRun() {
    }

    /** {@code --faults all} turns on every fault mode at these rates (each can still be set alone). */
    static final String[][] ALL_FAULTS = {
        {"post503", "0.01/15"}, {"postTimeout", "0.005/6"}, {"post503Created", "0.01/15"},
        {"postTimeoutCreated", "0.005/6"}, {"postSlow", "0.02/20"}, {"postLate", "0.005/6"},
        {"lose", "0.02"}, {"duplicate", "0.03"}, {"reorder", "0.03"}, {"forgedSignature", "0.03/40"},
        {"forgedSid", "0.02/20"}, {"ambiguousQueueMs", "20000"},
    };

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        PostgresDatabase db = PostgresServer.shared().createDatabase("fault_run");
        int status;
        try {
            if (o.get("mode", "fault").equals("throughput")) {
                Throughput.run(o, db, System.out);
                status = 0;
            } else {
                status = run(o, db, System.out).failures().isEmpty() ? 0 : 1;
            }
        } finally {
            db.close();
        }
        System.exit(status);
    }

    static Options withFaults(Options o) {
        if (o.get("faults", "").equals("all")) {
            for (String[] f : ALL_FAULTS) {
                if (!o.has(f[0])) {
                    o.with(f[0], f[1]);
                }
            }
        }
        return o;
    }

    static Path runDir(Options o, String kind) throws java.io.IOException {
        String parent = Files.isDirectory(Path.of("benchmarks", "target")) ? "benchmarks/target" : "target";
        Path dir = Path.of(o.get("dir", parent + "/fault-runs/" + kind + "-"
                + LocalDateTime.ofInstant(Clock.systemUTC().instant(), ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        if (Files.isDirectory(dir)) {
            try (var old = Files.list(dir)) { // a reused directory: the carrier's log must hold this run only
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir.toAbsolutePath();
    }

    static HikariDataSource pool(PostgresDatabase db, String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setConnectionInitSql(db.sessionInitSql());
        c.setMaximumPoolSize(4);
        c.setPoolName(name);
        return new HikariDataSource(c);
    }

    /** The role engines run as with {@code --singleAccount true}: no superuser, no BYPASSRLS. */
    static final String ROLE = "batchcall_app";

    /**
     * {@code --singleAccount true}: the engines connect as {@link #ROLE}, bound by the
     * {@link AccountIsolation} policies on every per-account table, and set the account in every
     * transaction; the harness itself (batches, top-ups, the audit) stays a superuser and sees all.
     */
    static void singleAccountMode(DataSource admin, PrintStream out) throws java.sql.SQLException {
        try (java.sql.Connection c = admin.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + ROLE
                    + "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + ROLE);
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + ROLE);
        }
        out.println("single-account mode: engines run as " + ROLE + "; row-level security on "
                + AccountIsolation.enable(admin, "bc_", AccountIsolation.TEST_SETTING));
    }

    /** One fault run on {@code db} (a fresh database); prints progress and the audit to {@code out}. */
    static AuditReport run(Options o, PostgresDatabase db, PrintStream out) throws Exception {
        withFaults(o);
        Path dir = runDir(o, "fault");
        out.println("fault run in " + dir + " with " + o);
        try (HikariDataSource ds = pool(db, "harness")) {
            Clock clock = Clock.systemUTC();
            JdbcStorage storage = JdbcStorage.builder(ds).clock(clock).migrate(true).build();
            JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).clock(clock).migrate(true).build();
            if (o.getBool("singleAccount", false)) {
                singleAccountMode(ds, out);
            }
            try (BatchCalls admin = BatchCalls.builder(storage, Campaign.NO_DIALS, ledger).clock(clock)
                    .nodeName("harness").tariff(EngineNode.TARIFF).build()) {
                Campaign campaign;
                int kills = o.getInt("kills", 20);
                long deadline = System.nanoTime() + o.getLong("maxRunS", 1200) * 1_000_000_000L;
                try (Harness h = new Harness(dir, o, db, out)) {
                    out.printf("  %6.1f s: carrier, front and %d engines up%n", h.elapsedSeconds(), h.nodes.size());
                    campaign = Campaign.create(admin, ledger, o, clock.instant(), Duration.ZERO);
                    out.printf("  %6.1f s: %d batches sent%n", h.elapsedSeconds(), campaign.batches.size());
                    long firstKill = o.getLong("firstKillMs", 3000);
                    long nextKill = System.nanoTime() + firstKill * 1_000_000;
                    while (!campaign.finished(admin) && System.nanoTime() < deadline) {
                        if (h.kills < kills && System.nanoTime() >= nextKill) {
                            h.killRandom();
                            long min = o.getLong("killMinMs", 2000);
                            long max = o.getLong("killMaxMs", 6000);
                            nextKill = System.nanoTime() + (min + (long) (h.random.nextDouble() * (max - min)))
                                    * 1_000_000;
                        }
                        h.restartDue();
                        Thread.sleep(100);
                    }
                    out.printf("  %6.1f s: batches %s; waiting for the carrier's calls to end%n", h.elapsedSeconds(),
                            campaign.finished(admin) ? "finished" : "NOT finished (time limit)");
                    long settle = System.nanoTime() + 90_000_000_000L;
                    while (h.carrierLive() != 0 && System.nanoTime() < settle) { // -1: no answer, ask again
                        h.restartDue();
                        Thread.sleep(200);
                    }
                    Thread.sleep(o.getLong("settleMs", 3000)); // last callbacks and settlements
                    out.printf("  %6.1f s: %d kills; carrier %s; front forwarded %d, failovers %d, unserved %d%n",
                            h.elapsedSeconds(), h.kills, h.carrierStats(), h.front.forwarded.get(),
                            h.front.failovers.get(), h.front.unserved.get());
                }
                AuditReport report = Audit.run(admin, storage.events(), ledger, ds, campaign.accounts,
                        campaign.batches, CarrierRecord.read(dir.resolve("carrier.log")));
                String table = report.table();
                out.print(table);
                Files.writeString(dir.resolve("audit.txt"), o + "\n" + table);
                return report;
            }
        }
    }
}
