package io.batchcall.model;

/** Identifies one dial of one recipient. Assigned by the store when the call is claimed, before it is placed, so the carrier can be asked about it after a crash; always positive. */
public record AttemptId(long value) implements Comparable<AttemptId> {
    public AttemptId {
        if (value <= 0) {
            throw new IllegalArgumentException("attempt id must be positive, but was " + value);
        }
    }

    public static AttemptId of(long value) {
        return new AttemptId(value);
    }

    @Override
    public int compareTo(AttemptId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
