/**
 * Recipients from CSV files: {@link io.batchcall.csv.RecipientCsvImporter} streams a file of any
 * size into an {@link io.batchcall.spi.ImportSession} and returns an
 * {@link io.batchcall.csv.ImportReport} that accounts for every row. Implementation classes live
 * in {@code io.batchcall.csv.internal} and are not part of the API.
 */
package io.batchcall.csv;
