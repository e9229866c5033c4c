package io.batchcall.csv;

/**
 * Hears how an import is going and may stop it. Called on the importing thread at least every
 * {@value #EVERY_ROWS} rows and at least once a second of the options' clock while rows are read
 * (checked after each row), and once more at the end ({@link ImportProgress#finished()}).
 * Returning {@link Action#CANCEL} stops the import with an {@link ImportCancelledException}, so the
 * caller's import session is closed without commit and nothing of the file is stored; interrupting
 * the importing thread does the same. Keep it quick: the import waits for it.
 */
@FunctionalInterface
public interface ImportProgressListener {
    /** Reports come at least this often, counted in rows read. */
    int EVERY_ROWS = 10_000;

    /** What the import should do after a report. */
    enum Action {
        /** Go on reading. */
        CONTINUE,
        /** Stop now and store nothing: the import throws {@link ImportCancelledException}. */
        CANCEL
    }

    /**
     * One report; return {@link Action#CANCEL} to stop the import.
     *
     * @param progress rows read, accepted, duplicates and rejected so far
     * @return {@link Action#CONTINUE} or {@link Action#CANCEL}
     */
    Action onProgress(ImportProgress progress);

    /**
     * A listener that ignores reports and never cancels; the default.
     *
     * @return the no-op listener
     */
    static ImportProgressListener none() {
        return progress -> Action.CONTINUE;
    }
}
