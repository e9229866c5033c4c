package io.batchcall.benchmarks;

import io.batchcall.BatchCalls;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.Dialect;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.jdbc.Migrations;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import java.io.BufferedInputStream;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * CSV import into embedded H2, measured in one run against the same database:
 * <ol>
 *   <li>the reference, H2's own batched insert rate: the recipients batchcall stored from the file
 *   (read back from an untimed warm-up import, 10,000 at a time) inserted with plain
 *   {@code INSERT} JDBC batches of 1,000 rows into {@code ref_recipients}, a table made by the
 *   same migrations with the prefix {@code ref_} (same columns, unique {@code (batch_id, phone)},
 *   indexes and foreign key), one transaction; only the inserts and the commit are timed;</li>
 *   <li>batchcall: {@link BatchCalls#importRecipients} of the generated CRM-shaped CSV into a new
 *   draft batch with {@link JdbcStorage}, from the first byte to the commit.</li>
 * </ol>
 * Between the two, the storage path alone: the same stored rows added to a {@code JdbcStorage}
 * import session in chunks of 1,000 and committed (no CSV work). Prints rows per second and CPU
 * per row of this JVM (H2 runs inside it) and, for the reference and the session, of the inserting
 * thread alone (the figure a loaded machine disturbs least: no GC, no other threads), the report's
 * counts, and checks that {@code SELECT count(*)} of the batch equals the accepted count.
 *
 * <p>Arguments (all optional): {@code rows=1000000 repeat=2 threads=<ImportOptions default>
 * url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1 file=/path/to.csv}. A file database
 * ({@code url=jdbc:h2:/tmp/bench-h2}) is deleted first by the caller's choice of path.
 */
public final class H2ImportBenchmark {
    private static final AccountId ACCOUNT = AccountId.of("bench");
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private H2ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(CsvImportBenchmark.arg(args, "rows", "1000000"));
        int repeat = Integer.parseInt(CsvImportBenchmark.arg(args, "repeat", "2"));
        String threads = CsvImportBenchmark.arg(args, "threads", "");
        String url = CsvImportBenchmark.arg(args, "url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        ImportOptions options = threads.isEmpty() ? ImportOptions.ofDefaults()
                : ImportOptions.custom().validationThreads(Integer.parseInt(threads)).build();
        String given = CsvImportBenchmark.arg(args, "file", "");
        Path csv = given.isEmpty() ? Files.createTempFile("batchcall-h2-import-", ".csv") : Path.of(given);
        try {
            if (given.isEmpty()) {
                long t0 = System.nanoTime();
                CsvListGenerator.write(csv, rows);
                System.out.printf("generated %,d rows (%,.1f MB) in %.1f s: %s%n", rows, Files.size(csv) / 1e6,
                        (System.nanoTime() - t0) / 1e9, csv);
            }
            run(url, csv, options, repeat);
        } finally {
            if (given.isEmpty()) {
                Files.deleteIfExists(csv);
            }
        }
        System.exit(0);
    }

    private static void run(String url, Path csv, ImportOptions options, int repeat) throws Exception {
        System.out.printf("H2 %s at %s; %d cores; max heap %d MB%n", org.h2.engine.Constants.VERSION, url,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("import options: " + options);
        Clock clock = Clock.systemUTC();
        JdbcConnectionPool ds = JdbcConnectionPool.create(url, "sa", "");
        ds.setMaxConnections(8);
        try (SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults())) {
            JdbcStorage storage = JdbcStorage.builder(ds).clock(clock).migrate(true).build();
            JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).clock(clock).migrate(true).build();
            Migrations.apply(ds, Dialect.H2, "ref_");
            try (BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("bench")
                    .build()) {
                BatchId warmUp = draft(calls, "warm-up");
                long t0 = System.nanoTime();
                ImportReport first = importFile(calls, warmUp, csv, options);
                System.out.printf("warm-up    batchcall import (untimed): %,d rows in %.2f s; accepted %,d, "
                        + "duplicates %,d, rejected %,d%n", first.rowsRead(), (System.nanoTime() - t0) / 1e9,
                        first.accepted(), first.duplicates(), first.rejected());
                for (int r = 0; r < repeat; r++) {
                    reference(ds, warmUp, r);
                    sessionOnly(ds, storage, calls, warmUp);
                    batchcall(ds, calls, csv, options);
                }
            }
        } finally {
            ds.dispose();
        }
    }

    /** Plain batched INSERTs of the warm-up batch's rows into a fresh ref_ batch. */
    private static void reference(JdbcConnectionPool ds, BatchId from, int run) throws SQLException {
        try (Connection read = ds.getConnection(); Connection c = ds.getConnection()) {
            long refBatch;
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM ref_recipients");
                s.execute("INSERT INTO ref_batches (account_id, name, status, occurrence, created_at_us, version, spec)"
                        + " VALUES ('bench', 'reference " + run + "', 'draft', -1, 0, 0, '{}')");
                try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM ref_batches")) {
                    rs.next();
                    refBatch = rs.getLong(1);
                }
            }
            c.setAutoCommit(false);
            String load = load();
            long rows = 0;
            long timed = 0;
            long threadCpu = 0;
            double cpu0 = CpuMeter.jvmSeconds();
            double cpuReading = 0;
            long lastId = 0;
            try (PreparedStatement select = read.prepareStatement("SELECT id, phone, name, variables, zone_key FROM "
                    + "bc_recipients WHERE batch_id = ? AND id > ? ORDER BY batch_id, id LIMIT 10000");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO ref_recipients (batch_id, account_id, "
                            + "phone, name, variables, zone_key, status, attempts, not_before_us) VALUES (?, ?, ?, ?, ?, "
                            + "?, 'pending', 0, 0)")) {
                while (true) {
                    double r0 = CpuMeter.jvmSeconds();
                    List<String[]> chunk = new ArrayList<>(10_000);
                    select.setLong(1, from.value());
                    select.setLong(2, lastId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            lastId = rs.getLong(1);
                            chunk.add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                        }
                    }
                    cpuReading += CpuMeter.jvmSeconds() - r0;
                    if (chunk.isEmpty()) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    long tc0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < chunk.size(); i++) {
                        String[] row = chunk.get(i);
                        insert.setLong(1, refBatch);
                        insert.setString(2, ACCOUNT.value());
                        insert.setString(3, row[0]);
                        insert.setString(4, row[1]);
                        insert.setString(5, row[2]);
                        insert.setString(6, row[3]);
                        insert.addBatch();
                        if (i % 1000 == 999 || i == chunk.size() - 1) {
                            insert.executeBatch();
                        }
                    }
                    timed += System.nanoTime() - t0;
                    threadCpu += THREADS.getCurrentThreadCpuTime() - tc0;
                    rows += chunk.size();
                }
                long t0 = System.nanoTime();
                long tc0 = THREADS.getCurrentThreadCpuTime();
                c.commit();
                timed += System.nanoTime() - t0;
                threadCpu += THREADS.getCurrentThreadCpuTime() - tc0;
            }
            double seconds = timed / 1e9;
            double cpu = CpuMeter.jvmSeconds() - cpu0 - cpuReading;
            System.out.printf("reference  plain INSERT batches of 1,000, one transaction (%s at start): %,d rows in "
                    + "%.2f s = %,.0f rows/s; CPU %.1f us/row, of it the inserting thread (H2 runs in it) %.1f us/row%n",
                    load, rows, seconds, rows / seconds, cpu * 1e6 / rows, threadCpu / 1e3 / rows);
        }
    }

    /**
     * The storage path alone: the warm-up batch's rows, read back 10,000 at a time (untimed), added
     * to a JdbcStorage import session of a new draft in chunks of 1,000 and committed. No CSV work.
     */
    private static void sessionOnly(JdbcConnectionPool ds, JdbcStorage storage, BatchCalls calls, BatchId from)
            throws SQLException {
        BatchId batch = draft(calls, "session only");
        String load = load();
        long timed = 0;
        long threadCpu = 0;
        long rows = 0;
        double cpu = 0;
        long lastId = 0;
        try (Connection read = ds.getConnection();
                PreparedStatement select = read.prepareStatement("SELECT id, phone, name, variables, zone_key FROM "
                        + "bc_recipients WHERE batch_id = ? AND id > ? ORDER BY batch_id, id LIMIT 10000");
                io.batchcall.spi.ImportSession session = storage.recipients().openImport(batch)) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            while (true) {
                List<io.batchcall.model.NewRecipient> chunk = new ArrayList<>(10_000);
                select.setLong(1, from.value());
                select.setLong(2, lastId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        lastId = rs.getLong(1);
                        java.util.Map<String, String> vars = json.readValue(rs.getString(4),
                                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() {
                                });
                        chunk.add(new io.batchcall.model.NewRecipient(PhoneNumber.of(rs.getString(2)), rs.getString(3),
                                vars, rs.getString(5)));
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                if (chunk.isEmpty()) {
                    break;
                }
                double c0 = CpuMeter.jvmSeconds();
                long t0 = System.nanoTime();
                long tc0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < chunk.size(); i += 1_000) {
                    session.add(chunk.subList(i, Math.min(chunk.size(), i + 1_000)));
                }
                timed += System.nanoTime() - t0;
                threadCpu += THREADS.getCurrentThreadCpuTime() - tc0;
                cpu += CpuMeter.jvmSeconds() - c0;
                rows += chunk.size();
            }
            double c0 = CpuMeter.jvmSeconds();
            long t0 = System.nanoTime();
            long tc0 = THREADS.getCurrentThreadCpuTime();
            session.commit();
            timed += System.nanoTime() - t0;
            threadCpu += THREADS.getCurrentThreadCpuTime() - tc0;
            cpu += CpuMeter.jvmSeconds() - c0;
        }
        double seconds = timed / 1e9;
        System.out.printf("session    JdbcStorage import session only, chunks of 1,000, one transaction (%s at start): "
                + "%,d rows in %.2f s = %,.0f rows/s; CPU %.1f us/row, of it the importing thread (H2 runs in it) "
                + "%.1f us/row%n", load, rows, seconds, rows / seconds, cpu * 1e6 / rows, threadCpu / 1e3 / rows);
        calls.deleteDraft(batch);
    }

    private static void batchcall(JdbcConnectionPool ds, BatchCalls calls, Path csv, ImportOptions options)
            throws Exception {
        BatchId batch = draft(calls, "measured");
        String load = load();
        double cpu0 = CpuMeter.jvmSeconds();
        long t0 = System.nanoTime();
        ImportReport report = importFile(calls, batch, csv, options);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CpuMeter.jvmSeconds() - cpu0;
        long rows = report.rowsRead();
        System.out.printf("batchcall  importRecipients, JdbcStorage on H2 (%s at start): %,d CSV rows in %.2f s = "
                + "%,.0f rows/s (%,.0f stored rows/s); CPU %.1f us/row (%.2f cores); accepted %,d, duplicates %,d, "
                + "rejected %,d%n", load, rows, seconds, rows / seconds, report.accepted() / seconds,
                cpu * 1e6 / rows, cpu / seconds, report.accepted(), report.duplicates(), report.rejected());
        long stored;
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM bc_recipients WHERE batch_id = ?")) {
            ps.setLong(1, batch.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getLong(1);
            }
        }
        if (stored != report.accepted()) {
            throw new IllegalStateException("batch " + batch + " holds " + stored + " recipients but the import "
                    + "report accepted " + report.accepted());
        }
        calls.deleteDraft(batch);
    }

    private static String load() {
        return String.format("load average %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static BatchId draft(BatchCalls calls, String name) {
        return calls.createDraft(BatchSpec.builder(name, ACCOUNT, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).build()).id();
    }

    private static ImportReport importFile(BatchCalls calls, BatchId batch, Path csv, ImportOptions options)
            throws java.io.IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            return calls.importRecipients(batch, in, options);
        }
    }
}
