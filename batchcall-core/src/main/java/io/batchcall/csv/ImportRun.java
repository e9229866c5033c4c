package io.batchcall.csv;

import io.batchcall.csv.internal.CsvRowReader;
import io.batchcall.csv.internal.DelimiterSniffer;
import io.batchcall.csv.internal.E164Keys;
import io.batchcall.csv.internal.HeaderLayout;
import io.batchcall.csv.internal.HeaderNames;
import io.batchcall.csv.internal.InvalidTextException;
import io.batchcall.csv.internal.LongHashSet;
import io.batchcall.csv.internal.MalformedCsvException;
import io.batchcall.csv.internal.OrderedPipeline;
import io.batchcall.csv.internal.PhoneNormalizer;
import io.batchcall.csv.internal.RawRow;
import io.batchcall.csv.internal.RecordGuardReader;
import io.batchcall.csv.internal.RowValidator;
import io.batchcall.csv.internal.ValidatedChunk;
import io.batchcall.csv.internal.ZoneResolver;
import io.batchcall.spi.ImportSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One import: reads rows on the calling thread with a {@link CsvRowReader} that cuts long cells
 * and drops surplus cells while it reads, checks them in chunks (on validation threads when there
 * are several) and passes the results, in line order, to a {@link ReportCollector} that talks to
 * the session. Memory is bounded by bytes: a row keeps at most (header columns × maxFieldLength)
 * characters, a chunk closes at {@link #CHUNK_CHARS} characters, and the chunks in flight weigh at
 * most {@link #IN_FLIGHT_CHARS} characters; plus the duplicate set. Never commits.
 */
final class ImportRun {
    private static final int SNIFF_LOOKAHEAD = 64 * 1024;
    /**
     * Rows validated together. Small, so that the rows in flight between threads stay few: each
     * young collection copies them, and with a small heap that copying is most of the GC cost.
     */
    private static final int VALIDATION_BATCH = 256;
    /** A chunk is submitted once its rows keep this many characters. */
    static final long CHUNK_CHARS = 256 * 1024;
    /** Characters of rows in flight between the reader and the validation threads, at most. */
    static final long IN_FLIGHT_CHARS = 2 * 1024 * 1024;
    /** Cells a header may have beyond the allowed variable columns (empty ones are ignored). */
    private static final int HEADER_SLACK = 1_000;

    private final ImportOptions options;
    private final ImportSession session;
    private long nextLine = 1;

    ImportRun(ImportOptions options, ImportSession session) {
        this.options = options;
        this.session = session;
    }

    ImportReport run(Reader text, ExistingNumbers existing) {
        LongHashSet existingKeys = new LongHashSet();
        existing.forEach(e164 -> {
            long key = E164Keys.key(e164);
            if (key > 0) {
                existingKeys.add(key);
            }
        });
        ReportCollector collector = new ReportCollector(session, existingKeys, options);
        RecordGuardReader guard = new RecordGuardReader(text, Math.max(1L << 20,
                4L * options.maxFieldLength() * (options.maxVariables() + 4L)));
        BufferedReader buffered = new BufferedReader(guard, SNIFF_LOOKAHEAD);
        try {
            DelimiterSniffer.Sniffed sniffed = DelimiterSniffer.sniff(buffered, SNIFF_LOOKAHEAD);
            nextLine += sniffed.linesConsumed();
            CsvRowReader reader = new CsvRowReader(buffered, sniffed.delimiter(), nextLine,
                    options.maxVariables() + HEADER_SLACK, options.maxFieldLength());
            HeaderLayout layout = header(reader, guard, sniffed.delimiter());
            reader.limits(layout.columns(), options.maxFieldLength());
            collector.header(layout);
            ZoneResolver zones = new ZoneResolver();
            Supplier<Function<List<RawRow>, ValidatedChunk>> workers = () -> new RowValidator(layout,
                    options.maxFieldLength(), PhoneNormalizer.isolated(options.defaultRegion()), zones)::validate;
            ProgressReporter progress = new ProgressReporter(options, collector);
            try (OrderedPipeline<List<RawRow>, ValidatedChunk> pipeline = new OrderedPipeline<>(workers, collector,
                    options.validationThreads(), IN_FLIGHT_CHARS)) {
                readRows(reader, guard, collector, pipeline, progress);
                pipeline.finish();
                collector.flush();
            }
            progress.finished(nextLine);
            return collector.report(layout.mapping());
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private HeaderLayout header(CsvRowReader reader, RecordGuardReader guard, char delimiter) throws IOException {
        while (true) {
            long line = nextLine;
            RawRow row = next(reader, guard);
            if (row == null) {
                throw new CsvImportException("the file is empty: expected a header line naming the columns, one of "
                        + "them named " + HeaderNames.phoneNamesForHumans(), 0);
            }
            if (row.blank()) {
                continue;
            }
            RawRow.Problem problem = row.problem();
            if (problem != null && problem.length() >= 0) {
                throw new CsvImportException("line " + line + ": header cell " + (problem.cell() + 1) + " is "
                        + problem.length() + " characters long, more than maxFieldLength " + options.maxFieldLength()
                        + "; is this a header line?", line);
            }
            if (problem != null || row.extraText()) {
                throw new CsvImportException("line " + line + ": the header has " + row.cellCount() + " cells, more "
                        + "than maxVariables " + options.maxVariables() + " allows (plus " + HEADER_SLACK
                        + " empty ones)", line);
            }
            return HeaderLayout.of(row.cells(), delimiter, line, options.maxVariables(), options.defaultRegion());
        }
    }

    private void readRows(CsvRowReader reader, RecordGuardReader guard, ReportCollector collector,
            OrderedPipeline<List<RawRow>, ValidatedChunk> pipeline, ProgressReporter progress) throws IOException {
        int chunkSize = Math.min(options.chunkSize(), VALIDATION_BATCH);
        long rows = 0;
        long chunkChars = 0;
        List<RawRow> chunk = new ArrayList<>(chunkSize);
        while (true) {
            long line = nextLine;
            RawRow row = next(reader, guard);
            if (row == null) {
                break;
            }
            if (row.blank()) {
                collector.blankRow();
                continue;
            }
            if (++rows > options.maxRows()) {
                throw new CsvImportException("line " + line + ": the file has more than " + options.maxRows()
                        + " rows (maxRows); split it or raise the limit", line);
            }
            collector.rowRead();
            chunk.add(row);
            chunkChars += row.chars() + 16L * row.cells().length;
            if (chunk.size() == chunkSize || chunkChars >= CHUNK_CHARS) {
                pipeline.submit(chunk, chunkChars);
                chunk = new ArrayList<>(chunkSize);
                chunkChars = 0;
            }
            progress.afterRow(rows, nextLine);
        }
        if (!chunk.isEmpty()) {
            pipeline.submit(chunk, chunkChars);
        }
    }

    /** The next row, or null at the end; advances {@link #nextLine} past it. */
    private RawRow next(CsvRowReader reader, RecordGuardReader guard) throws IOException {
        guard.startRow(nextLine);
        RawRow row = reader.next();
        nextLine = reader.line();
        return row;
    }

    private CsvImportException translate(Exception e) {
        if (e instanceof InvalidTextException) {
            InvalidTextException invalid = (InvalidTextException) e;
            return new CsvImportException(invalid.getMessage(), invalid.line(), false, invalid);
        }
        if (e instanceof MalformedCsvException) {
            return new CsvImportException("line " + nextLine + ": the CSV is malformed in the row starting here: "
                    + e.getMessage() + " — is a quote (\") opened and never closed, or is there text after a "
                    + "closing quote?", nextLine, false, e);
        }
        return new CsvImportException("reading the file failed at line " + nextLine + ": " + e, nextLine, true, e);
    }
}
