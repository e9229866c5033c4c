package io.batchcall.model;

import java.util.Locale;

/** Why a batch (or a series) is paused. */
public enum PauseReason {
    /** The call window is closed; the engine resumes the batch when it reopens. */
    OUTSIDE_WINDOW,
    /** A credit hold was refused; the batch continues by itself once the balance covers a dial again, or on {@code resume}. */
    INSUFFICIENT_CREDIT,
    /** Paused by an operator; continues on {@code resume}. */
    MANUAL,
    /** A recurring series was paused: no new run is spawned until it is resumed. */
    SERIES_PAUSED;

    /**
     * The lower-case name used in JSON, SQL and events.
     *
     * @return for example {@code outside_window}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()} (any case).
     *
     * @param name a wire name such as {@code manual}
     * @return the reason
     * @throws IllegalArgumentException if it names no reason
     * @throws NullPointerException if name is null
     */
    public static PauseReason fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
