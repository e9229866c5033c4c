package io.batchcall.model;

/** Identifies a batch. Assigned by the store; always positive. */
public record BatchId(long value) implements Comparable<BatchId> {
    public BatchId {
        if (value <= 0) {
            throw new IllegalArgumentException("batch id must be positive, but was " + value);
        }
    }

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
