package io.batchcall.csv;

import io.batchcall.model.NewRecipient;
import io.batchcall.spi.ImportSession;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile files of issue 17, generated lazily (never written to disk), imported in whatever
 * heap the JVM has; run by {@link ImportBombsTest} in a JVM with {@code -Xmx64m}. Prints one line
 * {@code OK <scenario> <report>} or the exception, and the peak heap used.
 */
public final class ImportBombs {
    private ImportBombs() {
    }

    public static void main(String[] args) {
        String scenario = args[0];
        long started = System.nanoTime();
        try {
            ImportReport report = RecipientCsvImporter.create().importCsv(stream(scenario, args), ImportOptions.custom()
                    .defaultRegion("US").build(), ExistingNumbers.none(), new CountingSession());
            System.out.println("OK " + scenario + " " + report.rowsRead() + " " + report.accepted() + " "
                    + report.duplicates() + " " + report.rejected() + " " + report.blankRows());
            report.rejections().stream().limit(3).forEach(r -> System.out.println("REJECTION " + r.line() + "|"
                    + r.column() + "|" + r.reason()));
        } catch (CsvImportException e) {
            System.out.println("REFUSED " + scenario + " " + e.getMessage());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("STATS peakHeapMB=%d seconds=%.1f maxHeapMB=%d%n", peak >> 20,
                (System.nanoTime() - started) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
    }

    static InputStream stream(String scenario, String[] args) {
        switch (scenario) {
            case "commas": // 10 rows of 900,000 commas, with a number first and text last
                return new Repeating("phone,name\n", i -> "+1212200" + String.format("%04d", i) + ","
                        .repeat(900_000) + (i % 2 == 0 ? "x" : "") + "\n", 10);
            case "bare-commas": // 10 rows of nothing but 900,000 commas
                return new Repeating("phone,name\n", i -> ",".repeat(900_000) + "\n", 10);
            case "long-cell-80":
            case "long-cell-100":
                int rows = scenario.endsWith("80") ? 80 : 100;
                return new Repeating("phone,name,notes\n", i -> "+1212200" + String.format("%04d", i) + ",Ada,"
                        + "y".repeat(900_000) + "\n", rows);
            case "gigabytes": // about 1.2 MB per block: a good row (1,000 distinct numbers), a long cell, many commas
                long blocks = Long.parseLong(args[1]);
                return new Repeating("phone,name,notes\n", i -> "+1212200" + String.format("%04d", i % 1000)
                        + ",Person " + i + ",ok\n+13105550199,Bob," + "z".repeat(1_000_000) + "\n+13105550198,Cy,"
                        + ",".repeat(200_000) + "q\n", blocks);
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    /** A header, then {@code count} generated rows; each row's bytes are made when they are reached. */
    static final class Repeating extends InputStream {
        private final java.util.function.LongFunction<String> rows;
        private final long count;
        private long next;
        private byte[] current;
        private int position;

        Repeating(String header, java.util.function.LongFunction<String> rows, long count) {
            this.rows = rows;
            this.count = count;
            this.current = header.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (position == current.length) {
                if (next == count) {
                    return -1;
                }
                current = rows.apply(next++).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }

    /** Counts what it is given and keeps nothing. */
    static final class CountingSession implements ImportSession {
        private long added;

        @Override
        public int add(List<NewRecipient> chunk) {
            added += chunk.size();
            return chunk.size();
        }

        @Override
        public long commit() {
            return added;
        }

        @Override
        public void close() {
        }
    }
}
