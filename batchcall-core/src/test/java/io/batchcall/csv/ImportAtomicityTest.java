package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The importer never commits: every failure part-way propagates, so the caller's session closes
 * without commit and the batch stays as it was, whether chunks were already added or not.
 */
class ImportAtomicityTest {
    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < n; i++) {
            csv.append("+1212200").append(String.format("%04d", i)).append(",Person ").append(i).append('\n');
        }
        return csv.toString();
    }

    private static ImportOptions options(int threads) {
        return ImportOptions.custom().chunkSize(10).validationThreads(threads).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aStoreFailurePropagatesAndNothingIsCommitted(int threads) {
        RecordingSession session = new RecordingSession();
        session.failOnChunk = 3;

        assertThatThrownBy(() -> RecipientCsvImporter.create().importCsv(bytes(rows(100)), options(threads),
                ExistingNumbers.none(), session)).isInstanceOf(StorageException.class).hasMessage("disk full (test)");
        assertThat(session.chunkSizes).hasSize(3); // chunks went in before the failure
        assertThat(session.committed).isFalse();
        assertThat(session.closed).isFalse(); // the caller's try-with-resources closes it
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anIoFailurePartWayIsRetryableAndNothingIsCommitted(int threads) {
        RecordingSession session = new RecordingSession();
        byte[] csv = rows(100).getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == 1_500) {
                    throw new IOException("connection reset (test)");
                }
                return position < csv.length ? csv[position++] & 0xFF : -1;
            }
        };

        assertThatThrownBy(() -> RecipientCsvImporter.create().importCsv(failing, options(threads),
                ExistingNumbers.none(), session))
                .isInstanceOfSatisfying(CsvImportException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.line()).isPositive();
                    assertThat(e.getCause()).hasMessage("connection reset (test)");
                })
                .hasMessageStartingWith("reading the file failed at line ");
        assertThat(session.committed).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void unreadableTextLateInTheFileRefusesTheWholeFile(int threads) {
        RecordingSession session = new RecordingSession();
        byte[] good = rows(100).getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[good.length + 12];
        System.arraycopy(good, 0, csv, 0, good.length);
        System.arraycopy(new byte[] {'+', '1', '3', '1', '0', ',', 'J', 'o', 's', (byte) 0xE9, '\n', '\n'}, 0, csv,
                good.length, 12);

        assertThatThrownBy(() -> RecipientCsvImporter.create().importCsv(new ByteArrayInputStream(csv),
                options(threads), ExistingNumbers.none(), session))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.line()).isEqualTo(102))
                .hasMessageStartingWith("line 102: bytes are not valid UTF-8");
        assertThat(session.chunkSizes).isNotEmpty();
        assertThat(session.committed).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aSuccessfulImportLeavesTheCommitToTheCaller(int threads) {
        RecordingSession session = new RecordingSession();
        ImportReport report = RecipientCsvImporter.create().importCsv(bytes(rows(95)), options(threads),
                ExistingNumbers.none(), session);

        assertThat(report.accepted()).isEqualTo(95);
        assertThat(session.chunkSizes).containsExactly(10, 10, 10, 10, 10, 10, 10, 10, 10, 5);
        assertThat(session.committed).isFalse();
        assertThat(session.closed).isFalse();
        assertThat(session.callers).containsExactly(Thread.currentThread()); // never from a validation thread
    }

    @org.junit.jupiter.api.Test
    void aDecodedReaderIsAcceptedTooWithItsBom() {
        RecordingSession session = new RecordingSession();
        ImportReport report = RecipientCsvImporter.create().importCsv(
                new java.io.StringReader("\uFEFFPhone;Name\r\n+14155552671;Zoë\r\n"), ImportOptions.ofDefaults(),
                ExistingNumbers.none(), session);

        assertThat(report.columns().phone()).isEqualTo("Phone");
        assertThat(session.added).extracting(r -> r.name()).containsExactly("Zoë");
    }

    private static InputStream bytes(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
