package io.batchcall.schedule;

import java.time.Instant;

/**
 * One run of a {@link Recurrence}: its index in the series and its instant.
 *
 * <p>The index is the key for "one child batch per (series, occurrence)": the same occurrence
 * always has the same index, however late or often it is computed. Index 0 is the first
 * occurrence (the anchor for periodic recurrences).
 *
 * @param index 0-based position in the series, {@code >= 0}
 * @param at    the instant the run is due
 */
public record Occurrence(long index, Instant at) {

    /**
     * Validates the components (see the record description).
     *
     * @param index 0-based position in the series, {@code >= 0}
     * @param at the instant the run is due
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public Occurrence {
        if (index < 0) {
            throw new IllegalArgumentException("occurrence index must be >= 0, but was " + index);
        }
        Require.notNull(at, "occurrence instant");
    }
}
