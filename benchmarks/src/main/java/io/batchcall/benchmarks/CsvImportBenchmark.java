package io.batchcall.benchmarks;

import io.batchcall.csv.ExistingNumbers;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.csv.RecipientCsvImporter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * End-to-end speed and memory of the CSV import, against the raw commons-csv parse of the same
 * file as the reference. Writes a generated list (default 1,000,000 rows) to a temporary file,
 * then for each thread count imports it {@code repeat} times into a {@link CountingSession}
 * (recipients are counted and dropped: no store is measured). Run with {@code -Xmx64m} to show the
 * import streams; see README.md. A last, untimed run measures the live heap.
 *
 * <p>Arguments (all optional): {@code rows=1000000 threads=1,2,3 repeat=2 file=/path/to.csv}
 * ({@code file} reuses an existing file instead of generating one).
 */
public final class CsvImportBenchmark {
    private CsvImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(arg(args, "rows", "1000000"));
        int repeat = Integer.parseInt(arg(args, "repeat", "2"));
        List<Integer> threads = new ArrayList<>();
        for (String t : arg(args, "threads", "1,2,3").split(",")) {
            threads.add(Integer.parseInt(t.strip()));
        }
        String given = arg(args, "file", "");
        Path file = given.isEmpty() ? Files.createTempFile("batchcall-bench-", ".csv") : Path.of(given);
        try {
            if (given.isEmpty()) {
                long t0 = System.nanoTime();
                CsvListGenerator.write(file, rows);
                System.out.printf("generated %,d rows (%,.1f MB) in %.1f s: %s%n", rows, Files.size(file) / 1e6,
                        (System.nanoTime() - t0) / 1e9, file);
            }
            System.out.printf("JVM: max heap %d MB, %d processors, %s %s; system load average %.1f%n",
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("session: counting only (recipients are counted and dropped; no store)");
            for (int r = 0; r < repeat; r++) {
                rawParse(file);
            }
            for (int t : threads) {
                for (int r = 0; r < repeat; r++) {
                    endToEnd(file, t);
                }
            }
            liveHeap(file, threads.get(threads.size() - 1));
        } finally {
            if (given.isEmpty()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The reference: commons-csv alone reading every cell of the same file. */
    private static void rawParse(Path file) throws IOException {
        long t0 = System.nanoTime();
        long records = 0;
        long chars = 0;
        try (Reader in = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord record : parser) {
                records++;
                for (String value : record.values()) {
                    chars += value.length();
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("reference  raw commons-csv parse: %,d records in %.2f s = %,.0f rows/s (%,d chars)%n",
                records, seconds, records / seconds, chars);
    }

    private static void endToEnd(Path file, int threads) throws Exception {
        ImportOptions options = ImportOptions.custom().defaultRegion("US").validationThreads(threads).build();
        CountingSession session = new CountingSession();
        System.gc();
        ImportReport report;
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        long collections0 = gcCount();
        long t0 = System.nanoTime();
        try (HeapSampler heap = new HeapSampler(0);
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            report = RecipientCsvImporter.create().importCsv(in, options, ExistingNumbers.none(), session);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            System.out.printf("end-to-end import, %d validation thread%s: %,d rows in %.2f s = %,.0f rows/s; "
                    + "accepted %,d, duplicates %,d, rejected %,d; process CPU %.1f s (%.1f us/row, %.2f cores); "
                    + "GC %,d ms in %d collections; peak heap used %.1f MB%n",
                    threads, threads == 1 ? " (caller)" : "s", report.rowsRead(), seconds,
                    report.rowsRead() / seconds, report.accepted(), report.duplicates(), report.rejected(),
                    cpuSeconds, cpuSeconds * 1e6 / report.rowsRead(), cpuSeconds / seconds, gcMillis() - gc0,
                    gcCount() - collections0, heap.peakUsedBytes() / 1e6);
        }
    }

    /** An untimed import that forces a full GC every 200 ms to measure the live heap. */
    private static void liveHeap(Path file, int threads) throws Exception {
        ImportOptions options = ImportOptions.custom().defaultRegion("US").validationThreads(threads).build();
        System.gc();
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        try (HeapSampler heap = new HeapSampler(200);
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ImportReport report = RecipientCsvImporter.create().importCsv(in, options, ExistingNumbers.none(),
                    new CountingSession());
            System.out.printf("live heap (untimed run, full GC every 200 ms), %d thread%s: %,d rows; peak live heap "
                    + "%.1f MB, of which %.1f MB before the import began%n", threads, threads == 1 ? "" : "s",
                    report.rowsRead(), heap.peakLiveBytes() / 1e6, baseline / 1e6);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The value of {@code name=value} among the arguments, or the fallback. */
    static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
