package io.batchcall.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * CSV import into PostgreSQL, measured in one run against the same embedded server and database:
 * <ol>
 *   <li>the reference: a plain PgJDBC {@link CopyManager} load ({@code COPY … FROM STDIN (FORMAT
 *   csv)}, one transaction) of the recipients batchcall stored from the same file (E.164 phone,
 *   name, variables JSON, zone key, exported from an untimed warm-up import) into a fresh table
 *   made {@code LIKE bc_recipients INCLUDING ALL} (same unique {@code (batch_id, phone)}
 *   constraint, same indexes, same storage options) plus the same foreign key to
 *   {@code bc_batches};</li>
 *   <li>batchcall: {@link BatchCalls#importRecipients} of the generated CRM-shaped CSV (see
 *   {@link CsvListGenerator}) into a new draft batch with {@link JdbcStorage}, from parsing the
 *   file to the commit and the {@code ANALYZE} it runs after a big import.</li>
 * </ol>
 * Before each measured run {@code bc_recipients} and the reference table are empty (truncated),
 * vacuumed and checkpointed, so neither pays for the other's dirty pages. Prints rows per second,
 * the time ratio (batchcall / reference; the target is at most 2) and the CPU ratio, CPU per row of
 * this JVM ({@link CpuMeter#jvmSeconds()}) and of this benchmark's PostgreSQL server (beside it,
 * {@link CpuMeter#postgresSeconds()}: every postgres process on the machine, which another server
 * on a shared machine skews), the report's accepted, duplicate and rejected counts, and checks
 * that {@code SELECT count(*)} of the batch equals the accepted count (it throws if not).
 *
 * <p>Arguments (all optional): {@code rows=1000000 repeat=1 threads=<ImportOptions default>
 * file=/path/to.csv} ({@code file} imports an existing UTF-8 CSV instead of generating one; it is
 * not deleted).
 */
public final class PgImportBenchmark {
    private static final AccountId ACCOUNT = AccountId.of("bench");
    private static final String REFERENCE = "ref_recipients";

    private PgImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(arg(args, "rows", "1000000"));
        int repeat = Integer.parseInt(arg(args, "repeat", "1"));
        String threads = arg(args, "threads", "");
        ImportOptions options = threads.isEmpty() ? ImportOptions.ofDefaults()
                : ImportOptions.custom().validationThreads(Integer.parseInt(threads)).build();
        String given = arg(args, "file", "");
        Path csv = given.isEmpty() ? Files.createTempFile("batchcall-pg-import-", ".csv") : Path.of(given);
        Path copyFile = Files.createTempFile("batchcall-pg-reference-", ".csv");
        try {
            if (given.isEmpty()) {
                long t0 = System.nanoTime();
                CsvListGenerator.write(csv, rows);
                System.out.printf("generated %,d rows (%,.1f MB) in %.1f s: %s%n", rows, Files.size(csv) / 1e6,
                        (System.nanoTime() - t0) / 1e9, csv);
            }
            run(csv, copyFile, options, repeat);
        } finally {
            Files.deleteIfExists(copyFile);
            if (given.isEmpty()) {
                Files.deleteIfExists(csv);
            }
        }
        System.exit(0);
    }

    private static void run(Path csv, Path copyFile, ImportOptions options, int repeat) throws Exception {
        PostgresServer server = PostgresServer.shared();
        System.out.printf("PostgreSQL: %s; %d cores%n", server.description(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("import options: " + options);
        Clock clock = Clock.systemUTC();
        try (PostgresDatabase db = server.createDatabase("bench_pg_import"); HikariDataSource ds = pool(db);
                SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults())) {
            JdbcStorage storage = JdbcStorage.builder(ds).clock(clock).migrate(true).build();
            JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).clock(clock).migrate(true).build();
            long postmaster = CpuMeter.postmasterOf(ds);
            try (BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("bench")
                    .build()) {
                // Untimed warm-up (JIT, pool, server caches); its rows become the reference's input.
                BatchId warmUp = draft(calls, "warm-up");
                long t0 = System.nanoTime();
                ImportReport first = importFile(calls, warmUp, csv, options);
                System.out.printf("warm-up    batchcall import (untimed): %,d rows in %.2f s; accepted %,d, "
                        + "duplicates %,d, rejected %,d%n", first.rowsRead(), (System.nanoTime() - t0) / 1e9,
                        first.accepted(), first.duplicates(), first.rejected());
                long exported = export(ds, warmUp, copyFile);
                createReferenceTable(ds, draft(calls, "reference"));
                for (int r = 0; r < repeat; r++) {
                    Result ref = reference(ds, copyFile, exported, postmaster);
                    Result bc = batchcall(ds, calls, csv, options, postmaster);
                    System.out.printf("ratio      batchcall / reference time: %.2f (target <= 2); against COPY + "
                            + "ANALYZE: %.2f; CPU (JVM + PostgreSQL): %.2f%n", bc.seconds() / ref.seconds(),
                            bc.seconds() / (ref.seconds() + ref.analyzeSeconds()), bc.cpu() / ref.cpu());
                }
            }
        }
    }

    /** A measured run: wall seconds and CPU seconds of this JVM, of this server, of all postgres processes. */
    private record Result(double seconds, double jvm, double server, double allPostgres, double analyzeSeconds) {
        double cpu() {
            return jvm + server;
        }

        String cpuPerRow(long rows) {
            return String.format("CPU %.1f + %.1f us/row (JVM + PostgreSQL; all postgres processes on the machine: "
                    + "%.1f)", jvm * 1e6 / rows, server * 1e6 / rows, allPostgres * 1e6 / rows);
        }
    }

    /** Wall and CPU time from the start of a measured run. */
    private record Meter(long postmaster, long t0, double jvm, double server, double allPostgres) {
        static Meter start(long postmaster) throws IOException {
            return new Meter(postmaster, System.nanoTime(), CpuMeter.jvmSeconds(), CpuMeter.serverSeconds(postmaster),
                    CpuMeter.postgresSeconds());
        }

        Result stop() throws IOException {
            return new Result((System.nanoTime() - t0) / 1e9, CpuMeter.jvmSeconds() - jvm,
                    CpuMeter.serverSeconds(postmaster) - server, CpuMeter.postgresSeconds() - allPostgres, 0);
        }
    }

    private static String load() {
        return String.format("load average %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static HikariDataSource pool(PostgresDatabase db) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setMaximumPoolSize(4);
        return new HikariDataSource(c);
    }

    private static BatchId draft(BatchCalls calls, String name) {
        return calls.createDraft(BatchSpec.builder(name, ACCOUNT, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).build()).id();
    }

    private static ImportReport importFile(BatchCalls calls, BatchId batch, Path csv, ImportOptions options)
            throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            return calls.importRecipients(batch, in, options);
        }
    }

    /** Writes the warm-up batch's stored recipients, in file order, as the reference's COPY input. */
    private static long export(HikariDataSource ds, BatchId batch, Path copyFile) throws Exception {
        try (Connection c = ds.getConnection();
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(copyFile), 1 << 16)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long n = copy.copyOut("COPY (SELECT phone, name, variables, zone_key FROM bc_recipients WHERE batch_id = "
                    + batch.value() + " ORDER BY id) TO STDOUT (FORMAT csv)", out);
            System.out.printf("exported   %,d stored recipients as the reference's COPY input (%,.1f MB)%n", n,
                    Files.size(copyFile) / 1e6);
            return n;
        }
    }

    /**
     * {@code LIKE … INCLUDING ALL} copies columns, identity, defaults, constraints, indexes (the
     * partial ones too); the foreign key and the autovacuum options are added by hand. The columns
     * the COPY input lacks get the constants batchcall's merge writes.
     */
    private static void createReferenceTable(HikariDataSource ds, BatchId batch) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + REFERENCE + " (LIKE bc_recipients INCLUDING ALL)");
            s.execute("ALTER TABLE " + REFERENCE + " ADD CONSTRAINT " + REFERENCE + "_batch FOREIGN KEY (batch_id) "
                    + "REFERENCES bc_batches (id) ON DELETE CASCADE");
            s.execute("ALTER TABLE " + REFERENCE + " ALTER batch_id SET DEFAULT " + batch.value()
                    + ", ALTER account_id SET DEFAULT '" + ACCOUNT.value() + "', ALTER status SET DEFAULT 'pending', "
                    + "ALTER attempts SET DEFAULT 0, ALTER not_before_us SET DEFAULT 0");
            String options = single(c, "SELECT coalesce(array_to_string(reloptions, ', '), '') FROM pg_class "
                    + "WHERE relname = 'bc_recipients'");
            if (!options.isEmpty()) {
                s.execute("ALTER TABLE " + REFERENCE + " SET (" + options + ")");
            }
            String theirs = single(c, "SELECT count(*) FROM pg_indexes WHERE tablename = 'bc_recipients'");
            String ours = single(c, "SELECT count(*) FROM pg_indexes WHERE tablename = '" + REFERENCE + "'");
            if (!theirs.equals(ours)) {
                throw new IllegalStateException(REFERENCE + " has " + ours + " indexes but bc_recipients " + theirs);
            }
            System.out.printf("reference  table %s: LIKE bc_recipients INCLUDING ALL, %s indexes (primary key, "
                    + "unique (batch_id, phone), partial claim and active-call indexes, (batch_id, id)), foreign "
                    + "key to bc_batches%n", REFERENCE, ours);
        }
    }

    private static Result reference(HikariDataSource ds, Path copyFile, long expected, long postmaster)
            throws Exception {
        try (Connection c = ds.getConnection()) {
            settle(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            String load = load();
            Meter meter = Meter.start(postmaster);
            long n;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(copyFile), 1 << 16)) {
                n = copy.copyIn("COPY " + REFERENCE + " (phone, name, variables, zone_key) FROM STDIN (FORMAT csv)",
                        in);
            }
            c.commit();
            Result copied = meter.stop();
            c.setAutoCommit(true);
            long a0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + REFERENCE);
            }
            double analyze = (System.nanoTime() - a0) / 1e9;
            if (n != expected) {
                throw new IllegalStateException("the reference COPY loaded " + n + " rows, expected " + expected);
            }
            System.out.printf("reference  CopyManager COPY FROM STDIN (FORMAT csv), one transaction (%s at start): "
                    + "%,d rows in %.2f s = %,.0f rows/s; %s; then ANALYZE (timed apart) %.2f s%n", load, n,
                    copied.seconds(), n / copied.seconds(), copied.cpuPerRow(n), analyze);
            return new Result(copied.seconds(), copied.jvm(), copied.server(), copied.allPostgres(), analyze);
        }
    }

    private static Result batchcall(HikariDataSource ds, BatchCalls calls, Path csv, ImportOptions options,
            long postmaster) throws Exception {
        try (Connection c = ds.getConnection()) {
            settle(c);
        }
        BatchId batch = draft(calls, "measured");
        String load = load();
        Meter meter = Meter.start(postmaster);
        ImportReport report = importFile(calls, batch, csv, options);
        Result imported = meter.stop();
        double seconds = imported.seconds();
        long rows = report.rowsRead();
        System.out.printf("batchcall  importRecipients, JdbcStorage (%s at start): %,d CSV rows in %.2f s = %,.0f "
                + "rows/s (%,.0f stored rows/s); %s; accepted %,d, duplicates %,d, rejected %,d%n", load, rows,
                seconds, rows / seconds, report.accepted() / seconds, imported.cpuPerRow(rows), report.accepted(),
                report.duplicates(), report.rejected());
        long stored;
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM bc_recipients WHERE batch_id = ?")) {
            ps.setLong(1, batch.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getLong(1);
            }
        }
        System.out.printf("check      SELECT count(*) of batch %d: %,d; report accepted %,d: %s%n", batch.value(),
                stored, report.accepted(), stored == report.accepted() ? "equal" : "DIFFERENT");
        if (stored != report.accepted()) {
            throw new IllegalStateException("batch " + batch + " holds " + stored + " recipients but the import "
                    + "report accepted " + report.accepted());
        }
        return imported;
    }

    /**
     * Empties both recipient tables (the first run finds the warm-up rows there), then vacuums and
     * checkpoints, so that a measured run starts with empty tables and indexes and no dirty pages.
     */
    private static void settle(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE bc_recipients, " + REFERENCE + " CASCADE");
            s.execute("VACUUM ANALYZE");
            s.execute("CHECKPOINT");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        return CsvImportBenchmark.arg(args, name, fallback);
    }
}
