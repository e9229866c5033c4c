package io.batchcall.model;

/**
 * Identifies one dial of one recipient. Assigned by the store when the call is claimed, before it is placed,
 * so the carrier can be asked about it after a crash; always positive.
 *
 * @param value the store-assigned number, greater than 0
 */
public record AttemptId(long value) implements Comparable<AttemptId> {
    /**
     * Validates the components (see the record description).
     *
     * @param value the store-assigned number, greater than 0
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public AttemptId {
        if (value <= 0) {
            throw new IllegalArgumentException("attempt id must be positive, but was " + value);
        }
    }

    /**
     * The id with the given number.
     *
     * @param value greater than 0
     * @return the id
     * @throws IllegalArgumentException if value is not positive
     */
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
