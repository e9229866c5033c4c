package io.batchcall.csv;

import io.batchcall.BatchCallException;

/**
 * The whole file was refused, or reading it failed part-way: nothing of it may be kept. The
 * importer never commits; when this is thrown, the caller closes its
 * {@link io.batchcall.spi.ImportSession} without committing and the batch stays as it was.
 *
 * <p>The message names the problem and, where there is one, the line ({@link #line()}): no
 * phone column, bytes that are not UTF-8, malformed quoting, a limit exceeded. {@link
 * #isRetryable()} is true only when the input stream itself failed (an I/O error), where the same
 * upload may succeed again.
 */
public class CsvImportException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line the problem was found on, or 0. */
    private final long line;

    /**
     * A non-retryable refusal of the file.
     *
     * @param message the problem, naming the line where there is one
     * @param line the 1-based line, or 0 when it concerns no line
     */
    public CsvImportException(String message, long line) {
        this(message, line, false, null);
    }

    /**
     * A refusal or read failure.
     *
     * @param message the problem, naming the line where there is one
     * @param line the 1-based line, or 0 when it concerns no line
     * @param retryable true only when the input stream itself failed
     * @param cause the underlying exception; may be null
     */
    public CsvImportException(String message, long line, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
        this.line = line;
    }

    /**
     * The 1-based line of the file the problem was found on, or 0 when it concerns no line.
     *
     * @return the line number, or 0
     */
    public long line() {
        return line;
    }
}
