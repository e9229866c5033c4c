package io.batchcall.csv.internal;

/**
 * One data row as read, before any check; bounded by {@link CsvRowReader}.
 *
 * @param line the 1-based line the row starts on
 * @param cells the kept cells, stripped of surrounding white space (a cut cell is kept empty);
 *     not copied, never modified
 * @param cellCount how many cells the row had, kept or not
 * @param problem the first cell that was too long or held text beyond the kept cells; null if none
 * @param extraText whether a cell beyond the kept ones was not blank
 * @param chars characters kept, for bounding the memory of rows in flight
 */
public record RawRow(long line, String[] cells, int cellCount, Problem problem, boolean extraText, long chars) {

    /** A row with exactly these cells (tests and callers that have parsed cells already). */
    public RawRow(long line, String[] cells) {
        this(line, cells, cells.length, null, false, 0);
    }

    /**
     * What the reader found wrong while reading.
     *
     * @param cell the 0-based index of the cell
     * @param length the cell's stripped length when it is too long; -1 when it is text beyond the
     *     header's columns
     * @param value the start of the cell's value
     */
    public record Problem(int cell, long length, String value) {
        /** The start of a value, as much as a rejection shows (and one more, so it is marked as cut). */
        static String excerpt(String value) {
            int max = io.batchcall.csv.Rejection.MAX_VALUE_LENGTH + 1;
            return value.length() <= max ? value : value.substring(0, max);
        }
    }

    /** Whether every cell is blank (a blank line, or only delimiters). */
    public boolean blank() {
        if (problem != null || extraText) {
            return false;
        }
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
