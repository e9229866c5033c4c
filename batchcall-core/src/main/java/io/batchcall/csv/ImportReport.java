package io.batchcall.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What an import did with every row of the file. Immutable.
 *
 * <p>Every data row is counted exactly once: {@code rowsRead = accepted + duplicates + rejected}.
 * Rows whose cells are all empty (blank lines, {@code ;;;}) are not data rows; they are counted in
 * {@link #blankRows()}. The lists of rejections and of duplicates keep the first
 * {@link ImportOptions#maxRejectionsKept()} entries each, in line order, so that memory stays
 * bounded for any file; the counts are always exact, and {@link #rejectionsTruncated()} says when
 * the list is shorter than the count.
 *
 * <p>A user fixes the rows listed by {@link #writeRejectionsCsv(Writer)} in their file and uploads
 * the whole file again: rows stored the first time then come back as duplicates of numbers already
 * in the batch, and are not stored twice.
 */
public final class ImportReport {
    private final ColumnMapping columns;
    private final long rowsRead;
    private final long accepted;
    private final long duplicates;
    private final long rejected;
    private final long blankRows;
    private final List<Rejection> rejections;
    private final List<Rejection> duplicateRows;

    ImportReport(ColumnMapping columns, long rowsRead, long accepted, long duplicates, long rejected, long blankRows,
            List<Rejection> rejections, List<Rejection> duplicateRows) {
        this.columns = Objects.requireNonNull(columns, "columns must not be null");
        this.rowsRead = rowsRead;
        this.accepted = accepted;
        this.duplicates = duplicates;
        this.rejected = rejected;
        this.blankRows = blankRows;
        this.rejections = List.copyOf(rejections);
        this.duplicateRows = List.copyOf(duplicateRows);
    }

    /**
     * How the header was read: delimiter, phone, name, time-zone and variable columns.
     *
     * @return the column mapping
     */
    public ColumnMapping columns() {
        return columns;
    }

    /**
     * Data rows in the file (the header and blank rows excluded).
     *
     * @return the number of data rows
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Rows the import session took ({@code ImportSession.add} counted them as added); stored when
     * the caller commits. The commit's own count can be lower only if a concurrent import
     * committed some of the same numbers meanwhile.
     *
     * @return the number of rows accepted
     */
    public long accepted() {
        return accepted;
    }

    /**
     * Rows whose number (after normalisation to E.164) was already in the batch or on an earlier
     * row of the file; each number is stored once.
     *
     * @return the number of duplicate rows
     */
    public long duplicates() {
        return duplicates;
    }

    /**
     * Rows not stored because something in them is wrong; see {@link #rejections()}.
     *
     * @return the number of rejected rows
     */
    public long rejected() {
        return rejected;
    }

    /**
     * Rows whose cells were all empty; ignored.
     *
     * @return the number of blank rows
     */
    public long blankRows() {
        return blankRows;
    }

    /**
     * The first rejected rows with line, column, value and reason, in line order.
     *
     * @return at most {@link ImportOptions#maxRejectionsKept()} rejections, unmodifiable
     */
    public List<Rejection> rejections() {
        return rejections;
    }

    /**
     * The first duplicate rows, in line order; the reason says whether the number was already in
     * the batch or on an earlier row. (Duplicates the store found on its own, for example a number
     * added concurrently by another import, are counted but carry no line.)
     *
     * @return at most {@link ImportOptions#maxRejectionsKept()} duplicate rows, unmodifiable
     */
    public List<Rejection> duplicateRows() {
        return duplicateRows;
    }

    /**
     * Whether more rows were rejected than {@link #rejections()} lists.
     *
     * @return true when the list was cut
     */
    public boolean rejectionsTruncated() {
        return rejected > rejections.size();
    }

    /**
     * Writes the rejections as CSV ({@code line,column,value,reason}, comma-delimited, CRLF line
     * ends), for the user to fix the rows in their file and upload it again. When the list was cut
     * at {@link ImportOptions#maxRejectionsKept()}, a last row says how many more there were. The
     * writer is flushed, not closed; for Excel, write it as UTF-8 with a byte-order mark. Every cell
     * (values and column headers come from the uploaded file) passes {@link CsvCells#safe(String)},
     * so a cell such as {@code =HYPERLINK(…)} is written {@code '=HYPERLINK(…)} and opens as text.
     *
     * @param out where to write; flushed, not closed
     * @throws IOException if the writer fails
     */
    public void writeRejectionsCsv(Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printSafe(printer, "line", "column", "value", "reason");
        for (Rejection r : rejections) {
            printSafe(printer, Long.toString(r.line()), r.column(), r.value(), r.reason());
        }
        if (rejectionsTruncated()) {
            printSafe(printer, "", "", "", "and " + (rejected - rejections.size())
                    + " more rejected rows not listed (maxRejectionsKept " + rejections.size() + ")");
        }
        printer.flush();
    }

    private static void printSafe(CSVPrinter printer, String... cells) throws IOException {
        for (String cell : cells) {
            printer.print(CsvCells.safe(cell));
        }
        printer.println();
    }

    @Override
    public String toString() {
        return "ImportReport[" + rowsRead + " rows read: " + accepted + " accepted, " + duplicates + " duplicates, "
                + rejected + " rejected; " + blankRows + " blank rows ignored; phone column '" + columns.phone() + "']";
    }
}
