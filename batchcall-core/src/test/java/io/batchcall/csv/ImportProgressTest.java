package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.spi.ImportSession;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Progress reports come every 10,000 rows and every second of the options' clock; a cancel, from
 * the listener or by interrupting the importing thread, throws and leaves the session uncommitted,
 * so the caller's import (which commits only after the importer returns) stores nothing.
 */
class ImportProgressTest {
    private static byte[] rows(int n) {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < n; i++) {
            csv.append(i % 100 == 99 ? "123" : "+1212" + String.format("%07d", 2_000_000 + i)).append(",P\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A clock that moves {@code step} milliseconds each time it is read. */
    private static final class SteppingClock extends Clock {
        private final long step;
        private long millis;

        SteppingClock(long step) {
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            millis += step;
            return Instant.ofEpochMilli(millis);
        }
    }

    private static ImportReport run(byte[] csv, ImportOptions options, ImportSession session) {
        return RecipientCsvImporter.create().importCsv(new ByteArrayInputStream(csv), options, ExistingNumbers.none(),
                session);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void reportsEveryTenThousandRowsAndAtTheEnd(int threads) {
        List<ImportProgress> reports = new ArrayList<>();
        ImportOptions options = ImportOptions.custom().validationThreads(threads).clock(new SteppingClock(0))
                .progress(p -> {
                    reports.add(p);
                    return ImportProgressListener.Action.CONTINUE;
                }).build();
        ImportReport report = run(rows(25_000), options, new RecordingSession());

        assertThat(reports).extracting(ImportProgress::rowsRead).containsExactly(10_000L, 20_000L, 25_000L);
        assertThat(reports).extracting(ImportProgress::finished).containsExactly(false, false, true);
        ImportProgress last = reports.get(2);
        assertThat(List.of(last.accepted(), last.duplicates(), last.rejected()))
                .containsExactly(report.accepted(), report.duplicates(), report.rejected());
        assertThat(reports.get(1).accepted() + reports.get(1).rejected()).isBetween(1L, 20_000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void reportsOnceASecondOfTheClockBetweenRowCounts(int threads) {
        List<ImportProgress> reports = new ArrayList<>();
        // each read of the clock is 300 ms: a report every few rows
        ImportOptions options = ImportOptions.custom().validationThreads(threads).clock(new SteppingClock(300))
                .progress(p -> {
                    reports.add(p);
                    return ImportProgressListener.Action.CONTINUE;
                }).build();
        run(rows(20), options, new RecordingSession());

        assertThat(reports.size()).isBetween(5, 21);
        assertThat(reports).extracting(ImportProgress::rowsRead).isSorted();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void cancellingFromTheListenerThrowsAndNothingIsCommitted(int threads) {
        RecordingSession session = new RecordingSession();
        ImportOptions options = ImportOptions.custom().validationThreads(threads).chunkSize(100)
                .clock(new SteppingClock(0)).progress(p -> p.rowsRead() >= 10_000
                        ? ImportProgressListener.Action.CANCEL : ImportProgressListener.Action.CONTINUE).build();

        assertThatThrownBy(() -> importInSession(rows(25_000), options, session))
                .isInstanceOfSatisfying(ImportCancelledException.class, e -> {
                    assertThat(e.line()).isEqualTo(10_002);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessage("the import was cancelled by its progress listener after 10000 rows (line 10002); "
                        + "nothing was stored");
        assertThat(session.chunkSizes).isNotEmpty(); // chunks had gone in: the rollback is the caller's
        assertThat(session.committed).isFalse();
        assertThat(session.closed).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void interruptingTheImportingThreadCancelsToo(int threads) {
        RecordingSession session = new RecordingSession();
        ImportOptions options = ImportOptions.custom().validationThreads(threads).clock(new SteppingClock(0))
                .progress(p -> {
                    Thread.currentThread().interrupt();
                    return ImportProgressListener.Action.CONTINUE;
                }).build();
        try {
            assertThatThrownBy(() -> importInSession(rows(12_000), options, session))
                    .isInstanceOf(ImportCancelledException.class)
                    .hasMessageStartingWith("the import was ");
        } finally {
            Thread.interrupted();
        }
        assertThat(session.committed).isFalse();
    }

    /** What {@code BatchCalls.importRecipients} does: commit only after the importer returned. */
    private static ImportReport importInSession(byte[] csv, ImportOptions options, RecordingSession session) {
        try (RecordingSession s = session) {
            ImportReport report = run(csv, options, s);
            s.commit();
            return report;
        }
    }
}
