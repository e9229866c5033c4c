package io.batchcall.csv.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * An RFC 4180 reader (any of {@code ,} {@code ;} tab as delimiter, {@code "} as quote, {@code ""}
 * inside quotes for a quote, CRLF, LF or CR as line end, line breaks allowed inside quotes) that
 * bounds what it keeps <em>while</em> it reads: a cell keeps at most {@link #cellCap()} characters
 * of its value (leading white space is dropped at once, as the importer strips cells), and a row
 * keeps at most {@code keptCells} cells. Whatever lies beyond is scanned and counted but not
 * stored, and the row carries a {@link RawRow.Problem} for the first cell that is too long or
 * that holds text beyond the kept cells. Memory per row is therefore at most
 * {@code keptCells × cellCap} characters, whatever the input. Not thread-safe.
 *
 * <p>Semantics follow commons-csv's {@code CSVFormat.RFC4180} with empty lines kept: a quote opens
 * a quoted cell only as the cell's first character; white space after a closing quote is
 * skipped; other text after a closing quote, or the end of the file inside quotes, is malformed
 * ({@link MalformedCsvException}). Line numbers count line breaks, including those inside quotes.
 */
public final class CsvRowReader {
    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[32 * 1024];
    private int position;
    private int limit;
    private long line;
    private int keptCells;
    private int cellCap;
    private int maxFieldLength;
    private final Cell cell = new Cell();

    /** Reads from {@code in}, whose first character is on line {@code firstLine}. */
    public CsvRowReader(Reader in, char delimiter, long firstLine, int keptCells, int maxFieldLength) {
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
        limits(keptCells, maxFieldLength);
    }

    /**
     * Sets the bounds for the rows read from now on: cells beyond {@code keptCells} are not stored,
     * and a cell whose stripped value may exceed {@code maxFieldLength} is cut and flagged. Three
     * characters of slack allow Excel's {@code ="…"} wrapper, which the importer removes; at least
     * as much as a rejection shows is kept.
     */
    public void limits(int keptCells, int maxFieldLength) {
        this.keptCells = keptCells;
        this.maxFieldLength = maxFieldLength;
        this.cellCap = Math.max(maxFieldLength + 3, io.batchcall.csv.Rejection.MAX_VALUE_LENGTH + 1);
    }

    /** Characters of a cell value kept at most. */
    public int cellCap() {
        return cellCap;
    }

    /** The line the next row starts on. */
    public long line() {
        return line;
    }

    /**
     * The next row, or null at the end of the input.
     *
     * @throws MalformedCsvException on broken quoting
     * @throws IOException from the underlying reader
     */
    public RawRow next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        long rowLine = line;
        RowBuilder row = new RowBuilder(rowLine);
        while (true) {
            Cell cell = this.cell.reset(cellCap);
            int end;
            if (c == '"') {
                end = quoted(cell, rowLine);
            } else {
                end = simple(cell, c);
            }
            row.add(cell, keptCells, maxFieldLength);
            if (end != delimiter) {
                return row.build();
            }
            c = read();
            if (c == EOF || isLineEnd(c)) {
                // a trailing delimiter: one more, empty cell
                row.add(this.cell.reset(cellCap), keptCells, maxFieldLength);
                if (c != EOF) {
                    endLine(c);
                }
                return row.build();
            }
        }
    }

    /** Reads an unquoted cell starting with {@code c}; returns the delimiter, or '\n' / EOF at the row's end. */
    private int simple(Cell cell, int c) throws IOException {
        while (true) {
            if (c == delimiter) {
                return delimiter;
            }
            if (c == EOF) {
                return EOF;
            }
            if (isLineEnd(c)) {
                endLine(c);
                return '\n';
            }
            cell.append((char) c);
            c = read();
        }
    }

    /** Reads a quoted cell after its opening quote. */
    private int quoted(Cell cell, long rowLine) throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new MalformedCsvException("EOF reached before encapsulated token finished");
            }
            if (c == '"') {
                int next = read();
                if (next == '"') {
                    cell.append('"');
                    continue;
                }
                return afterClosingQuote(next);
            }
            cell.append((char) c);
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                line++;
                int next = read();
                if (next == '\n') {
                    cell.append('\n');
                } else if (next != EOF) {
                    position--;
                }
            }
        }
    }

    private int afterClosingQuote(int c) throws IOException {
        while (true) {
            if (c == delimiter) {
                return delimiter;
            }
            if (c == EOF) {
                return EOF;
            }
            if (isLineEnd(c)) {
                endLine(c);
                return '\n';
            }
            if (!Character.isWhitespace(c)) {
                throw new MalformedCsvException("invalid char between encapsulated token and delimiter");
            }
            c = read();
        }
    }

    private static boolean isLineEnd(int c) {
        return c == '\n' || c == '\r';
    }

    /** Consumes a line end starting with {@code c} (a CR may be followed by an LF) and counts it. */
    private void endLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = read();
            if (next == '\n') {
                return;
            }
            if (next != EOF) {
                position--; // not part of the line end
            }
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                position = limit = 0;
                return EOF;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++];
    }

    /**
     * One cell's value as read: leading white space dropped, at most {@code cap} characters kept,
     * the stripped length counted exactly.
     */
    static final class Cell {
        private final StringBuilder kept = new StringBuilder();
        private int cap;
        private long length; // characters after leading white space
        private long contentLength; // length up to the last non-white-space character
        private char lastContent;

        /** Empties the cell for the next value; returns it. */
        Cell reset(int newCap) {
            cap = newCap;
            kept.setLength(0);
            length = 0;
            contentLength = 0;
            lastContent = 0;
            return this;
        }

        void append(char c) {
            boolean space = Character.isWhitespace(c);
            if (length == 0 && space) {
                return;
            }
            if (length < cap) {
                kept.append(c);
            }
            length++;
            if (!space) {
                contentLength = length;
                lastContent = c;
            }
        }

        /** Whether the value had to be cut. */
        boolean cut() {
            return contentLength > cap;
        }

        boolean blank() {
            return contentLength == 0;
        }

        /** The stripped length, less Excel's {@code ="…"} wrapper when there is one. */
        long strippedLength() {
            boolean wrapped = contentLength >= 3 && kept.length() >= 2 && kept.charAt(0) == '='
                    && kept.charAt(1) == '"' && lastContent == '"';
            return wrapped ? contentLength - 3 : contentLength;
        }

        String value() {
            if (contentLength == 0) {
                return "";
            }
            return kept.length() > contentLength ? kept.substring(0, (int) contentLength) : kept.toString();
        }
    }

    /** Collects the kept cells of a row and its first problem. */
    private static final class RowBuilder {
        private final long line;
        private final java.util.ArrayList<String> cells = new java.util.ArrayList<>();
        private int count;
        private long chars;
        private RawRow.Problem problem;
        private boolean extraText;

        RowBuilder(long line) {
            this.line = line;
        }

        void add(Cell cell, int keptCells, int maxFieldLength) {
            int index = count++;
            if (problem == null && cell.cut()) {
                problem = new RawRow.Problem(index, cell.strippedLength(), RawRow.Problem.excerpt(cell.value()));
            }
            if (index < keptCells) {
                String value = problem != null && problem.cell() == index ? "" : cell.value();
                cells.add(value);
                chars += value.length();
            } else if (!cell.blank()) {
                extraText = true;
                String value = RowValidator.clean(cell.value());
                if (problem == null && !value.isEmpty()) {
                    problem = new RawRow.Problem(index, -1, RawRow.Problem.excerpt(value));
                }
            }
        }

        RawRow build() {
            return new RawRow(line, cells.toArray(new String[0]), count, problem, extraText, chars);
        }
    }
}
