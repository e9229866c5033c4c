package io.batchcall.model;

import java.util.Locale;

/** Why a batch (or a series) is paused. */
public enum PauseReason {
    /** The call window is closed; the engine resumes the batch when it reopens. */
    OUTSIDE_WINDOW,
    /** A credit hold was refused; the batch continues on {@code resume} after a top-up. */
    INSUFFICIENT_CREDIT,
    /** The batch reached its own spending cap; raise the cap (edit) or cancel. */
    SPENDING_CAP,
    /** Paused by an operator; continues on {@code resume}. */
    MANUAL,
    /** A recurring series was paused: no new run is spawned until it is resumed. */
    SERIES_PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PauseReason fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
