package io.batchcall.api.internal;

/**
 * Body size limits.
 *
 * @param maxJsonBytes largest JSON body
 * @param maxCsvBytes largest CSV upload
 */
public record Limits(long maxJsonBytes, long maxCsvBytes) {
    public Limits {
        if (maxJsonBytes < 1024) {
            throw new IllegalArgumentException("maxJsonBytes must be at least 1024, but was " + maxJsonBytes);
        }
        if (maxCsvBytes < 1024) {
            throw new IllegalArgumentException("maxCsvBytes must be at least 1024, but was " + maxCsvBytes);
        }
    }
}
