package io.batchcall.csv.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Bounds the characters read for one row, so that a quote that is never closed (which makes
 * the rest of the file one cell) fails fast with the line it starts on instead of filling the
 * heap. The importer calls {@link #startRow(long)} before reading each row; the limit must exceed
 * the parser's read-ahead (a few kilobytes). Not thread-safe.
 */
public final class RecordGuardReader extends Reader {
    private final Reader in;
    private final long limit;
    private long readSinceStart;
    private long rowLine = 1;

    public RecordGuardReader(Reader in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** A new row starts at {@code line}; resets the count. */
    public void startRow(long line) {
        this.rowLine = line;
        this.readSinceStart = 0;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            readSinceStart += n;
            if (readSinceStart > limit) {
                throw new InvalidTextException(rowLine, "line " + rowLine + ": the row starting here runs past "
                        + limit + " characters; is a quote (\") opened and never closed?");
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
