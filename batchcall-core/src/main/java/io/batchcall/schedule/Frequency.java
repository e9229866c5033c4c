package io.batchcall.schedule;

/**
 * The step of a {@link Recurrence#of periodic recurrence}.
 *
 * <p>{@link #HOURLY} steps in absolute time (elapsed hours, unaffected by daylight saving). The
 * others step the local calendar date in the series zone and keep the anchor's local wall time.
 */
public enum Frequency {
    /** {@code interval} elapsed hours: {@code anchor + k * interval} hours. */
    HOURLY("hour"),
    /** {@code interval} local calendar days, same local time. */
    DAILY("day"),
    /** {@code 7 * interval} local calendar days, same weekday and local time. */
    WEEKLY("week"),
    /** {@code interval} calendar months, same day-of-month (or the month's last day) and local time. */
    MONTHLY("month");

    private final String unit;

    Frequency(String unit) {
        this.unit = unit;
    }

    /** "every day", "every 3 weeks". */
    String describe(int interval) {
        return interval == 1 ? "every " + unit : "every " + interval + " " + unit + "s";
    }
}
