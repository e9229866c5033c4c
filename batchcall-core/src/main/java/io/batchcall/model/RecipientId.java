package io.batchcall.model;

/**
 * Identifies one recipient of a batch. Assigned by the store; always positive.
 *
 * @param value the store-assigned number, greater than 0
 */
public record RecipientId(long value) implements Comparable<RecipientId> {
    /**
     * Validates the components (see the record description).
     *
     * @param value the store-assigned number, greater than 0
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public RecipientId {
        if (value <= 0) {
            throw new IllegalArgumentException("recipient id must be positive, but was " + value);
        }
    }

    /**
     * The id with the given number.
     *
     * @param value greater than 0
     * @return the id
     * @throws IllegalArgumentException if value is not positive
     */
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
