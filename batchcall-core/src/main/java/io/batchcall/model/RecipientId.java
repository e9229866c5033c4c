package io.batchcall.model;

/** Identifies one recipient of a batch. Assigned by the store; always positive. */
public record RecipientId(long value) implements Comparable<RecipientId> {
    public RecipientId {
        if (value <= 0) {
            throw new IllegalArgumentException("recipient id must be positive, but was " + value);
        }
    }

    public static RecipientId of(long value) {
        return new RecipientId(value);
    }

    @Override
    public int compareTo(RecipientId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
