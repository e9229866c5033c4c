package io.batchcall.csv;

import java.util.Objects;

/**
 * One row of the file that was not stored, and why.
 *
 * @param line the 1-based physical line of the file where the row starts (the header is line 1;
 *     a row with a quoted line break spans several lines and is named by its first)
 * @param column the header of the cell at fault as written in the file, or {@code ""} when the
 *     problem is the row's shape (too many cells)
 * @param value the cell's text as read, cut to {@value #MAX_VALUE_LENGTH} characters (with
 *     {@code …}) when longer
 * @param reason what is wrong and, where it helps, how to fix it
 */
public record Rejection(long line, String column, String value, String reason) {
    /** Values longer than this are cut in a rejection, to bound the report's memory. */
    public static final int MAX_VALUE_LENGTH = 200;

    /**
     * Validates the components (see the record description).
     *
     * @param line the 1-based physical line of the file where the row starts (the header is line 1; a row
     *     with a quoted line break spans several lines and is named by its first)
     * @param column the header of the cell at fault as written in the file, or {@code ""} when the problem is
     *     the row's shape (too many cells)
     * @param value the cell's text as read, cut to {@value #MAX_VALUE_LENGTH} characters (with {@code …})
     *     when longer
     * @param reason what is wrong and, where it helps, how to fix it
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of column, reason is null
     */
    public Rejection {
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, but was " + line);
        }
        Objects.requireNonNull(column, "column must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        value = value == null ? "" : value;
        if (value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…";
        }
    }

    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", " + column) + " '" + value + "': " + reason;
    }
}
