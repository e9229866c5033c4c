package io.batchcall.csv;

/**
 * How far an import has got, as reported to an {@link ImportProgressListener}. Rows are counted
 * as in {@link ImportReport}; {@code accepted + duplicates + rejected} trails {@code rowsRead}
 * by the rows still being checked.
 *
 * @param rowsRead data rows read from the file so far (blank rows excluded)
 * @param accepted rows handed to the import session so far
 * @param duplicates rows found to be duplicates so far
 * @param rejected rows rejected so far
 * @param finished whether this is the last report, after every row was read and checked
 */
public record ImportProgress(long rowsRead, long accepted, long duplicates, long rejected, boolean finished) {
    /**
     * Validates the components (see the record description).
     *
     * @param rowsRead data rows read from the file so far (blank rows excluded)
     * @param accepted rows handed to the import session so far
     * @param duplicates rows found to be duplicates so far
     * @param rejected rows rejected so far
     * @param finished whether this is the last report, after every row was read and checked
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public ImportProgress {
        if (rowsRead < 0 || accepted < 0 || duplicates < 0 || rejected < 0) {
            throw new IllegalArgumentException("progress counts must be >= 0, but were rowsRead=" + rowsRead
                    + ", accepted=" + accepted + ", duplicates=" + duplicates + ", rejected=" + rejected);
        }
    }
}
