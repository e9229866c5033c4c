package io.batchcall.csv;

import io.batchcall.csv.internal.DelimiterSniffer;
import io.batchcall.csv.internal.E164Keys;
import io.batchcall.csv.internal.HeaderLayout;
import io.batchcall.csv.internal.HeaderNames;
import io.batchcall.csv.internal.InvalidTextException;
import io.batchcall.csv.internal.LongHashSet;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One import: reads rows with commons-csv on the calling thread, checks them in chunks (on
 * validation threads when there are several) and passes the results, in line order, to a
 * {@link ReportCollector} that talks to the session. Memory is bounded by the chunks in flight
 * plus the duplicate set. Never commits.
 */
final class ImportRun {
    private static final int SNIFF_LOOKAHEAD = 64 * 1024;
    /**
     * Rows validated together. Small, so that the rows in flight between threads stay few: each
     * young collection copies them, and with a small heap that copying is most of the GC cost.
     */
    private static final int VALIDATION_BATCH = 256;

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
            long lineOffset = sniffed.linesConsumed();
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sniffed.delimiter())
                    .setIgnoreEmptyLines(false).get();
            CSVParser parser = CSVParser.builder().setReader(buffered).setFormat(format).get();
            Iterator<CSVRecord> records = parser.iterator();
            HeaderLayout layout = header(records, parser, guard, lineOffset, sniffed.delimiter());
            collector.header(layout);
            ZoneResolver zones = new ZoneResolver();
            Supplier<Function<List<RawRow>, ValidatedChunk>> workers = () -> new RowValidator(layout,
                    options.maxFieldLength(), PhoneNormalizer.isolated(options.defaultRegion()), zones)::validate;
            try (OrderedPipeline<List<RawRow>, ValidatedChunk> pipeline = new OrderedPipeline<>(workers, collector,
                    options.validationThreads())) {
                readRows(records, parser, guard, lineOffset, collector, pipeline);
                pipeline.finish();
                collector.flush();
            }
            return collector.report(layout.mapping());
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private HeaderLayout header(Iterator<CSVRecord> records, CSVParser parser, RecordGuardReader guard,
            long lineOffset, char delimiter) {
        while (true) {
            long line = nextLine;
            String[] cells = next(records, parser, guard, lineOffset);
            if (cells == null) {
                throw new CsvImportException("the file is empty: expected a header line naming the columns, one of "
                        + "them named " + HeaderNames.phoneNamesForHumans(), 0);
            }
            if (!blank(cells)) {
                return HeaderLayout.of(cells, delimiter, line, options.maxVariables(), options.defaultRegion());
            }
        }
    }

    private void readRows(Iterator<CSVRecord> records, CSVParser parser, RecordGuardReader guard, long lineOffset,
            ReportCollector collector, OrderedPipeline<List<RawRow>, ValidatedChunk> pipeline) {
        int chunkSize = Math.min(options.chunkSize(), VALIDATION_BATCH);
        long rows = 0;
        List<RawRow> chunk = new ArrayList<>(chunkSize);
        while (true) {
            long line = nextLine;
            String[] cells = next(records, parser, guard, lineOffset);
            if (cells == null) {
                break;
            }
            if (blank(cells)) {
                collector.blankRow();
                continue;
            }
            if (++rows > options.maxRows()) {
                throw new CsvImportException("line " + line + ": the file has more than " + options.maxRows()
                        + " rows (maxRows); split it or raise the limit", line);
            }
            collector.rowRead();
            chunk.add(new RawRow(line, cells));
            if (chunk.size() == chunkSize) {
                pipeline.submit(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
        }
        if (!chunk.isEmpty()) {
            pipeline.submit(chunk);
        }
    }

    /** The next record's cells, or null at the end; advances {@link #nextLine} past it. */
    private String[] next(Iterator<CSVRecord> records, CSVParser parser, RecordGuardReader guard, long lineOffset) {
        guard.startRow(nextLine);
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
        nextLine = parser.getCurrentLineNumber() + 1 + lineOffset;
        return record.values();
    }

    private static boolean blank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private CsvImportException translate(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof InvalidTextException) {
            InvalidTextException invalid = (InvalidTextException) cause;
            return new CsvImportException(invalid.getMessage(), invalid.line(), false, invalid);
        }
        if (cause instanceof CSVException) {
            return new CsvImportException("line " + nextLine + ": the CSV is malformed in the row starting here: "
                    + cause.getMessage() + " — is a quote (\") opened and never closed, or is there text after a "
                    + "closing quote?", nextLine, false, cause);
        }
        return new CsvImportException("reading the file failed at line " + nextLine + ": " + cause, nextLine, true,
                cause);
    }
}
