package io.batchcall.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The local hours during which calls may be placed: {@code [start, end)} on the allowed weekdays,
 * read on the wall clock of {@code zone}.
 *
 * <p><b>Semantics.</b> An instant is inside the window exactly when its local date-time in
 * {@code zone} has a time in {@code [start, end)} on an allowed day. When {@code end} is before
 * {@code start} the window spans midnight and belongs to the weekday on which it <em>opens</em>:
 * {@code 22:00–02:00} on {@code {FRIDAY}} is open Friday 23:00 and Saturday 01:00, but not
 * Friday 01:00. An {@code end} of {@code 00:00} means "until midnight". {@code start == end ==
 * 00:00} is the whole day ({@link #allDay}); any other {@code start == end} is rejected.
 *
 * <p><b>Daylight saving.</b> Because only the wall clock is read: in a spring-forward gap a window
 * whose start lies in the gap opens at the first instant after the gap (a window lying wholly
 * inside the gap does not open that day); in a fall-back overlap a local time that occurs twice is
 * inside the window both times, so the window may open, close and open again.
 *
 * <p><b>Blackout dates.</b> No call is placed at an instant whose local date in {@code zone} is one
 * of {@code blackouts} (public holidays, the host's closures): the day runs from local midnight to
 * the next local midnight, so a blackout day is 23 or 25 hours long across a DST change. Every
 * instant of a blackout day is closed, including the after-midnight part of a window that opened
 * the evening before; the part before midnight of a window opening on a blackout day's eve stays
 * open. When the window is evaluated in a recipient's zone ({@link #withZone}) the same dates are read on
 * that zone's calendar.
 *
 * <p>Immutable and thread-safe. Queries are pure functions of their argument; they never read a
 * clock. Instants whose local date-time lies outside {@link LocalDateTime}'s range make the queries
 * throw {@link java.time.DateTimeException}.
 *
 * @param start local opening time, inclusive
 * @param end   local closing time, exclusive; before {@code start} for a window across midnight
 * @param days  weekdays on which the window opens; non-empty, stored as an immutable
 *              {@link EnumSet} copy (iteration in {@code MONDAY..SUNDAY} order)
 * @param zone  the zone whose wall clock is read
 * @param blackouts local dates on which the window stays closed all day; empty for none, stored as
 *              an immutable sorted copy
 */
public record CallWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone, Set<LocalDate> blackouts) {

    /** Monday to Friday, the default days of {@link #of(LocalTime, LocalTime, ZoneId)}. */
    public static final Set<DayOfWeek> WEEKDAYS =
            Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** All seven days. */
    public static final Set<DayOfWeek> EVERY_DAY = Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));

    /**
     * Validates the components (see the record description).
     *
     * @param start local opening time, inclusive
     * @param end local closing time, exclusive; before {@code start} for a window across midnight
     * @param days weekdays on which the window opens; non-empty, stored as an immutable {@link EnumSet} copy
     *     (iteration in {@code MONDAY..SUNDAY} order)
     * @param zone the zone whose wall clock is read
     * @param blackouts local dates on which the window stays closed all day; null or empty for none
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public CallWindow {
        Require.notNull(start, "call window start");
        Require.notNull(end, "call window end");
        Require.notNull(days, "call window days");
        Require.notNull(zone, "call window zone");
        for (DayOfWeek day : days) {
            Require.notNull(day, "call window day");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("call window days must contain at least one day, but was []");
        }
        if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("call window start and end must differ, but both were " + start
                    + "; use CallWindow.allDay(...) for a 24-hour window");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        if (blackouts == null || blackouts.isEmpty()) {
            blackouts = Set.of();
        } else {
            for (LocalDate date : blackouts) {
                Require.notNull(date, "call window blackout date");
            }
            blackouts = Collections.unmodifiableSet(new TreeSet<>(blackouts));
        }
    }

    /**
     * A window without blackout dates.
     *
     * @param start local opening time, inclusive
     * @param end local closing time, exclusive; before {@code start} for a window across midnight
     * @param days weekdays on which the window opens; non-empty
     * @param zone the zone whose wall clock is read
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public CallWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {
        this(start, end, days, zone, Set.of());
    }

    /**
     * A window from {@code start} to {@code end} on Monday to Friday.
     *
     * @param start local opening time, inclusive
     * @param end local closing time, exclusive; before {@code start} to cross midnight
     * @param zone the zone whose wall clock is read
     * @return the window
     * @throws IllegalArgumentException if start equals end other than 00:00, or an argument is null
     */
    public static CallWindow of(LocalTime start, LocalTime end, ZoneId zone) {
        return new CallWindow(start, end, WEEKDAYS, zone);
    }

    /**
     * Parses {@code "09:00"}-style times and a region id such as {@code "Europe/Berlin"}; Monday to
     * Friday.
     *
     * @param start the opening time, e.g. {@code "09:00"}
     * @param end the closing time, e.g. {@code "17:30"}
     * @param zoneId a region or offset id
     * @return the window
     * @throws IllegalArgumentException if a time does not parse or the zone id is unknown
     */
    public static CallWindow of(String start, String end, String zoneId) {
        return of(time(start, "start"), time(end, "end"), zone(zoneId));
    }

    /**
     * The whole day, every allowed day: open from 00:00 to the next 00:00 local time.
     *
     * @param days the days on which it is open; non-empty
     * @param zone the zone whose wall clock is read
     * @return the window
     */
    public static CallWindow allDay(Set<DayOfWeek> days, ZoneId zone) {
        return new CallWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, days, zone);
    }

    /**
     * Always open; {@link #nextClosing(Instant)} returns {@link Instant#MAX}.
     *
     * @param zone the zone, kept for display and recipient-local evaluation
     * @return the window
     */
    public static CallWindow always(ZoneId zone) {
        return allDay(EVERY_DAY, zone);
    }

    /**
     * Resolves a region or offset id.
     *
     * @param id a region id such as {@code Europe/Berlin} or an offset such as {@code +02:00}
     * @return the zone
     * @throws IllegalArgumentException {@code "unknown time zone 'Mars/Base'"} for an unknown id
     */
    public static ZoneId zone(String id) {
        return Require.zone(id);
    }

    /**
     * This window's hours on other days.
     *
     * @param newDays the new days; non-empty
     * @return the copy
     * @throws IllegalArgumentException if newDays is empty
     */
    public CallWindow withDays(Set<DayOfWeek> newDays) {
        return new CallWindow(start, end, newDays, zone, blackouts);
    }

    /**
     * This window with other blackout dates (replacing the current ones).
     *
     * @param dates local dates on which the window stays closed; empty for none
     * @return the copy
     * @throws IllegalArgumentException if a date is null
     */
    public CallWindow withBlackouts(Set<LocalDate> dates) {
        return new CallWindow(start, end, days, zone, Require.notNull(dates, "call window blackouts"));
    }

    /**
     * The same hours, days and blackout dates read on another zone's wall clock and calendar (a
     * recipient's own zone).
     *
     * @param other the zone to evaluate in
     * @return the copy, or this window when the zone is the same
     */
    public CallWindow withZone(ZoneId other) {
        Require.notNull(other, "call window zone");
        return other.equals(zone) ? this : new CallWindow(start, end, days, other, blackouts);
    }

    /**
     * This window's hours on the given days.
     *
     * @param newDays the new days; at least one
     * @return the copy
     * @throws IllegalArgumentException if no day is given
     */
    public CallWindow onDays(DayOfWeek... newDays) {
        Require.notNull(newDays, "call window days");
        return withDays(new HashSet<>(Arrays.asList(newDays)));
    }

    /**
     * True for a 24-hour window ({@code start == end == 00:00}).
     *
     * @return true for the 24-hour window
     */
    public boolean isAllDay() {
        return start.equals(end);
    }

    /**
     * True when the window crosses midnight (including an end of exactly 00:00).
     *
     * @return true when {@code end} is before or equal to {@code start} (and the window is not all day)
     */
    public boolean spansMidnight() {
        return end.isBefore(start);
    }

    /**
     * Whether calls may be placed at {@code instant}: its local time in {@link #zone} is inside.
     *
     * @param instant the instant to test
     * @return true when inside the window on an allowed day
     */
    public boolean isOpen(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(Require.notNull(instant, "instant"), zone);
        if (!blackouts.isEmpty() && blackouts.contains(local.toLocalDate())) {
            return false;
        }
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        if (isAllDay()) {
            return days.contains(day);
        }
        boolean openedToday = days.contains(day) && !time.isBefore(start);
        if (!spansMidnight()) {
            return openedToday && time.isBefore(end);
        }
        return openedToday || (days.contains(day.minus(1)) && time.isBefore(end));
    }

    /**
     * The earliest instant at or after {@code t} at which the window is open: {@code t} itself when
     * already open. Searches day by day; never steps minute by minute.
     *
     * @param t the instant to start from
     * @return the next opening, {@code t} when already open
     */
    public Instant nextOpening(Instant t) {
        return WindowSearch.nextOpening(this, Require.notNull(t, "instant"));
    }

    /**
     * When open at {@code t}: the earliest instant after {@code t} at which the window is closed.
     * When closed at {@code t}: the closing that follows {@link #nextOpening(Instant)}. A window
     * open all day on all seven days never closes: the result is then {@link Instant#MAX}.
     *
     * @param t the instant to start from
     * @return the next closing, or {@link Instant#MAX} if it never closes
     */
    public Instant nextClosing(Instant t) {
        return WindowSearch.nextClosing(this, Require.notNull(t, "instant"));
    }

    @Override
    public String toString() {
        String hours = isAllDay() ? "all day" : start + "-" + end;
        String dayList = days.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        String closed = blackouts.isEmpty() ? "" : " except " + blackouts;
        return "CallWindow[" + hours + " " + dayList + " " + zone + closed + "]";
    }

    private static LocalTime time(String text, String field) {
        Require.notNull(text, "call window " + field);
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "call window " + field + " must be a local time such as 09:00, but was '" + text + "'", e);
        }
    }
}
