package io.batchcall.csv.internal;

import java.io.IOException;

/**
 * The text of the file cannot be read as CSV: bad encoding, a row that never ends. Thrown from
 * inside a {@code Reader} (hence an {@code IOException}) so it passes through commons-csv; the
 * importer turns it into a {@code CsvImportException} with the same message and line.
 */
public final class InvalidTextException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public InvalidTextException(long line, String message) {
        super(message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
