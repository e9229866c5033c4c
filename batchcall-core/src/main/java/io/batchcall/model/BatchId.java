package io.batchcall.model;

/**
 * Identifies a batch. Assigned by the store; always positive.
 *
 * @param value the store-assigned number, greater than 0
 */
public record BatchId(long value) implements Comparable<BatchId> {
    /**
     * Validates the components (see the record description).
     *
     * @param value the store-assigned number, greater than 0
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public BatchId {
        if (value <= 0) {
            throw new IllegalArgumentException("batch id must be positive, but was " + value);
        }
    }

    /**
     * The id with the given number.
     *
     * @param value greater than 0
     * @return the id
     * @throws IllegalArgumentException if value is not positive
     */
    public static BatchId of(long value) {
        return new BatchId(value);
    }

    @Override
    public int compareTo(BatchId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
