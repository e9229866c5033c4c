package io.batchcall.csv;

import io.batchcall.csv.internal.CsvTemplate;
import io.batchcall.csv.internal.StrictUtf8Reader;
import io.batchcall.spi.ImportSession;
import java.io.InputStream;
import java.io.Reader;
import java.util.Objects;

/**
 * Reads recipients from a CSV file of any size into an {@link ImportSession}, streaming: the file
 * is never held in memory. Each data row is accepted, reported as a duplicate or rejected with a
 * reason; the {@link ImportReport} says which.
 *
 * <ul>
 *   <li><b>Text</b>: UTF-8; a byte-order mark is skipped; bytes that are not UTF-8 refuse the file,
 *       naming the line (no replacement characters). Line ends CRLF, LF or CR, mixed.</li>
 *   <li><b>Layout</b>: the delimiter is {@code ,} {@code ;} or tab, detected from the header (Excel's
 *       {@code sep=} line is honoured); fields may be quoted, with {@code ""} for a quote and line
 *       breaks inside; rows whose cells are all empty are ignored.</li>
 *   <li><b>Header</b>: compared ignoring case, surrounding spaces and punctuation ({@code First Name}
 *       = {@code first_name}). The phone column is the first present of {@code phone},
 *       {@code phone_number}, {@code mobile}, {@code cell}, then common variants ({@code mobile phone},
 *       {@code telephone}, {@code tel}, Google Contacts' {@code Phone 1 - Value}, …). The name comes from
 *       {@code name}, else {@code first_name} + {@code last_name}. A {@code timezone} column (IANA id)
 *       sets the recipient's zone; otherwise libphonenumber's zones for the number are used. Every
 *       other column becomes a variable keyed by its header as written; first and last name stay
 *       variables too.</li>
 *   <li><b>Numbers</b> are normalised to E.164 with {@link ImportOptions#defaultRegion()} for national
 *       ones. Numbers a spreadsheet mangled (scientific notation, a lost {@code +} or leading zero,
 *       {@code .0}) are rejected with a reason that says so, never repaired by guessing.</li>
 *   <li><b>Duplicates</b>: a number (after normalisation) already in the batch or on an earlier row is
 *       reported and not stored again.</li>
 *   <li><b>Text in names and variables</b>: control characters other than tab (NUL, CR, LF, …) and
 *       bidirectional controls (U+202A–U+202E, U+2066–U+2069) reject the row, naming the column.</li>
 *   <li><b>Hostile files</b>: once the header is read, a cell longer than
 *       {@link ImportOptions#maxFieldLength()} is cut while it is read and rejects its row, and cells
 *       beyond the header's columns are counted, not stored (text in them rejects the row); so a row
 *       never holds more than (columns × maxFieldLength) characters, whatever the file holds.</li>
 * </ul>
 *
 * <p>The file is refused whole with a {@link CsvImportException} when there is no phone column, the
 * text is not readable, the quoting is broken or a limit of {@link ImportOptions} for the file is
 * exceeded. The importer never commits: the caller commits the session after a successful return,
 * and on any exception closes it without commit, so an import is all or nothing:
 * <pre>{@code
 * try (ImportSession session = storage.recipients().openImport(batchId)) {
 *     ImportReport report = importer.importCsv(upload, options,
 *             ExistingNumbers.of(storage.recipients(), batchId), session);
 *     session.commit();
 * }
 * }</pre>
 *
 * <p>Memory does not grow with the file, except for duplicate detection: rows in flight between
 * the reader and the validation threads are bounded in characters (about 2 M), the report's lists
 * are capped, and duplicate detection takes 11 to 21 bytes per distinct number in the file and the
 * batch (some 12-20 MB per million). A 1,000,000-row import runs in a 64 MB heap (live heap 25-32
 * MB), a 2,000,000-row one too (44-48 MB); hostile files (rows of 900,000 commas, 900,000-character
 * cells, gigabytes of them) are read in 64 MB too, row by row.
 *
 * <p>Progress is reported to {@link ImportOptions#progress()} at least every 10,000 rows and every
 * second; the listener (or an interrupt of the importing thread) can cancel the import, which then
 * throws {@link ImportCancelledException}, so that nothing is committed.
 *
 * <p>Numbers are checked on {@link ImportOptions#validationThreads()} threads (daemons named
 * {@code batchcall-csv-validate-N}), started for the import and stopped before it returns, while
 * the calling thread reads the CSV; the session is only used from the calling thread, and the
 * outcome does not depend on the number of threads. Stateless and thread-safe.
 */
public final class RecipientCsvImporter {
    private RecipientCsvImporter() {
    }

    /**
     * An importer. It keeps no state between imports and may be shared between threads.
     *
     * @return a new importer
     */
    public static RecipientCsvImporter create() {
        return new RecipientCsvImporter();
    }

    /**
     * Imports UTF-8 CSV bytes. The stream is read to its end (or to the first error) and not
     * closed.
     *
     * @param csv the file's bytes, expected UTF-8
     * @param options column mapping, default region and limits
     * @param existing the numbers already in the batch, to count duplicates
     * @param session where accepted recipients are added in chunks; the caller commits or discards it
     * @return what was accepted, duplicated and rejected
     * @throws CsvImportException if the file is refused whole or cannot be read
     * @throws io.batchcall.StorageException if the session fails; rethrown as is
     */
    public ImportReport importCsv(InputStream csv, ImportOptions options, ExistingNumbers existing,
            ImportSession session) {
        Objects.requireNonNull(csv, "csv must not be null");
        return importCsv(new StrictUtf8Reader(csv), options, existing, session);
    }

    /**
     * Imports CSV text that the caller has already decoded (prefer the {@link InputStream} form,
     * which detects text that is not UTF-8). A leading byte-order mark is skipped. The reader is
     * not closed.
     *
     * @param csv the decoded text
     * @param options column mapping, default region and limits
     * @param existing the numbers already in the batch, to count duplicates
     * @param session where accepted recipients are added in chunks; the caller commits or discards it
     * @return what was accepted, duplicated and rejected
     * @throws CsvImportException if the file is refused whole or cannot be read
     */
    public ImportReport importCsv(Reader csv, ImportOptions options, ExistingNumbers existing,
            ImportSession session) {
        Objects.requireNonNull(csv, "csv must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(existing, "existing must not be null");
        Objects.requireNonNull(session, "session must not be null");
        return new ImportRun(options, session).run(csv, existing);
    }

    /**
     * The CSV template users download: {@code phone,name,timezone,company} and one example row,
     * comma-delimited, CRLF line ends, starting with a byte-order mark ({@code U+FEFF}) so that
     * Excel reads and saves it as UTF-8; write it out as UTF-8. The example number is written
     * {@code ="+14155552671"}, the form that makes Excel keep it as text in every locale (a bare
     * {@code +14155552671} becomes a number, then {@code 1.41556E+10}); the importer reads both.
     *
     * @return the template text
     */
    public static String csvTemplate() {
        return CsvTemplate.text(',');
    }

    /**
     * The template with another delimiter: {@code ;} opens directly in Excel where the decimal
     * separator is a comma (most of Europe), a tab for tab-separated text.
     *
     * @param delimiter {@code ,}, {@code ;} or a tab
     * @return the template text
     * @throws IllegalArgumentException unless the delimiter is {@code ,}, {@code ;} or a tab
     */
    public static String csvTemplate(char delimiter) {
        return CsvTemplate.text(delimiter);
    }
}
