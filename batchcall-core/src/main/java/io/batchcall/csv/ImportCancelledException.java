package io.batchcall.csv;

/**
 * The import was cancelled, by its {@link ImportProgressListener} or by interrupting the importing
 * thread. Like any {@link CsvImportException}, nothing may be kept: the caller closes its import
 * session without committing. Not retryable as such (the same upload would import fine); the
 * message says how far the import had got.
 */
public class ImportCancelledException extends CsvImportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what cancelled the import and after how many rows
     * @param line the line the import had reached
     * @param cause the interruption, or null
     */
    public ImportCancelledException(String message, long line, Throwable cause) {
        super(message, line, false, cause);
    }
}
