package io.batchcall.policy;

import io.batchcall.schedule.CallWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One legal calling-hours rule: calls to recipients in {@code region} may be placed only from
 * {@code start} to {@code end} local time (the recipient's own zone), on {@code days}, and never on
 * {@code holidays} (local dates). A rule is data: the host adds its own besides the presets of
 * {@link CallingHours}.
 *
 * <p><b>Regions.</b> {@code "*"} applies to every recipient; an ISO 3166-1 alpha-2 code such as
 * {@code "US"} applies to numbers of that country (libphonenumber's region of the number); an ISO
 * 3166-2 code such as {@code "US-FL"} applies to recipients known to be in that subdivision. A
 * number does not reveal its state, so the subdivision comes from a recipient variable that
 * {@link CallingHours#subdivisionVariable()} names (e.g. a CSV column {@code state} with
 * {@code FL} or {@code US-FL}); a recipient without it is matched by its country's rules only.
 *
 * @param region {@code "*"}, a country ({@code "US"}) or a subdivision ({@code "US-FL"}), upper case
 * @param start local opening time, inclusive
 * @param end local closing time, exclusive; may be before {@code start} to cross midnight
 * @param days weekdays on which calls are allowed; non-empty
 * @param holidays local dates on which no call is allowed; empty for none
 * @param source where the rule comes from (a statute, a contract), kept for messages and logs
 */
public record HoursRule(String region, LocalTime start, LocalTime end, Set<DayOfWeek> days, Set<LocalDate> holidays,
        String source) {
    private static final Pattern REGION = Pattern.compile("\\*|[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3}");

    /**
     * Validates the components (see the record description).
     *
     * @param region {@code "*"}, a country or a subdivision code
     * @param start local opening time, inclusive
     * @param end local closing time, exclusive
     * @param days weekdays on which calls are allowed; non-empty
     * @param holidays local dates on which no call is allowed; null for none
     * @param source where the rule comes from; not blank
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public HoursRule {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("hours rule region must be *, a country such as US or a subdivision"
                    + " such as US-FL (upper case), but was '" + region + "'");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("hours rule source must name where the rule comes from, but was '"
                    + source + "'");
        }
        holidays = holidays == null ? Set.of() : holidays;
        // CallWindow validates start, end, days and holidays and keeps immutable copies.
        CallWindow w = new CallWindow(start, end, days, ZoneOffset.UTC, holidays);
        days = w.days();
        holidays = w.blackouts();
    }

    /**
     * A rule for every day of the week without holidays.
     *
     * @param region {@code "*"}, a country or a subdivision code
     * @param start local opening time, inclusive
     * @param end local closing time, exclusive
     * @param source where the rule comes from
     * @return the rule
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static HoursRule daily(String region, LocalTime start, LocalTime end, String source) {
        return new HoursRule(region, start, end, CallWindow.EVERY_DAY, Set.of(), source);
    }

    /**
     * Whether this rule binds a recipient of the given regions.
     *
     * @param regions the recipient's country and, when known, subdivision codes
     * @return true for {@code "*"} or when {@code region} is among them
     */
    public boolean appliesTo(Set<String> regions) {
        return isUniversal() || regions.contains(region);
    }

    /**
     * Whether this rule binds every recipient ({@code region} is {@code "*"}).
     *
     * @return true for {@code "*"}
     */
    public boolean isUniversal() {
        return region.equals("*");
    }

    /**
     * The rule as a call window on the wall clock and calendar of {@code zone}.
     *
     * @param zone the recipient's zone
     * @return the window: hours, days and holidays of this rule in that zone
     */
    public CallWindow windowIn(ZoneId zone) {
        return new CallWindow(start, end, days, Objects.requireNonNull(zone, "zone must not be null"), holidays);
    }

    /**
     * A copy with more holidays.
     *
     * @param more local dates to add
     * @return the copy
     */
    public HoursRule withHolidays(Set<LocalDate> more) {
        Set<LocalDate> all = new java.util.TreeSet<>(holidays);
        all.addAll(Objects.requireNonNull(more, "holidays must not be null"));
        return new HoursRule(region, start, end, days, all, source);
    }

    @Override
    public String toString() {
        return region.toUpperCase(Locale.ROOT) + " " + start + "-" + end + " (" + source + ")";
    }
}
