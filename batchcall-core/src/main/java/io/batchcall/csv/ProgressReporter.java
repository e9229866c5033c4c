package io.batchcall.csv;

import java.time.Clock;

/**
 * Calls the {@link ImportProgressListener} every {@value ImportProgressListener#EVERY_ROWS} rows or
 * once a second of the clock, whichever comes first, and turns a cancel (or an interrupt of the
 * importing thread) into an {@link ImportCancelledException}. Importing thread only.
 */
final class ProgressReporter {
    private static final long INTERVAL_MILLIS = 1_000;

    private final ImportProgressListener listener;
    private final Clock clock;
    private final ReportCollector counts;
    private long nextAt;
    private long lastRows;

    ProgressReporter(ImportOptions options, ReportCollector counts) {
        this.listener = options.progress();
        this.clock = options.clock();
        this.counts = counts;
        this.nextAt = clock.millis() + INTERVAL_MILLIS;
    }

    /** After each row read, at {@code line}. */
    void afterRow(long rowsRead, long line) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ImportCancelledException("the import was interrupted after " + rowsRead + " rows (line " + line
                    + "); nothing was stored", line, new InterruptedException());
        }
        if (rowsRead - lastRows >= ImportProgressListener.EVERY_ROWS || clock.millis() >= nextAt) {
            report(false, line);
        }
    }

    /** The last report, after everything was read and checked. */
    void finished(long line) {
        report(true, line);
    }

    private void report(boolean finished, long line) {
        ImportProgress progress = counts.progress(finished);
        lastRows = progress.rowsRead();
        nextAt = clock.millis() + INTERVAL_MILLIS;
        if (listener.onProgress(progress) == ImportProgressListener.Action.CANCEL) {
            throw new ImportCancelledException("the import was cancelled by its progress listener after "
                    + progress.rowsRead() + " rows (line " + line + "); nothing was stored", line, null);
        }
    }
}
