package io.batchcall.csv.internal;

/**
 * One data row as parsed, before any check.
 *
 * @param line the 1-based line the row starts on
 * @param cells the cells as commons-csv returned them (not copied; never modified)
 */
public record RawRow(long line, String[] cells) {
}
