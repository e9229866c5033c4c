package io.batchcall.benchmarks.fault;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fake carrier's own append-only record, one tab-separated line per fact, flushed at once:
 * <pre>
 * CREATE sid to from attempt trueCreatedMs
 * END    sid status trueEndMs durationSeconds
 * FAULT  kind sid-or-dash detail
 * </pre>
 * Times are the true (unskewed) epoch milliseconds of this host, for the audit's in-flight counts.
 */
final class CarrierLog implements AutoCloseable {
    private final BufferedWriter out;

    CarrierLog(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    synchronized void line(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(String.valueOf(fields[i]));
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
