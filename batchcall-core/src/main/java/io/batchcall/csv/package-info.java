/**
 * Recipients from CSV files: {@link io.batchcall.csv.RecipientCsvImporter} streams a file of any
 * size into an {@link io.batchcall.spi.ImportSession} and returns an
 * {@link io.batchcall.csv.ImportReport} that accounts for every row; progress and cancel through
 * {@link io.batchcall.csv.ImportProgressListener}. {@link io.batchcall.csv.CsvCells} is the one rule
 * every CSV batchcall writes follows (no cell a spreadsheet would run as a formula); other modules
 * writing CSV use it too. Implementation classes live
 * in {@code io.batchcall.csv.internal} and are not part of the API.
 */
package io.batchcall.csv;
