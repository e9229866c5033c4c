package io.batchcall.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the next opening or closing of a {@link CallWindow} without stepping through time.
 *
 * <p>The wall clock of a zone moves forward continuously except at offset transitions, where it
 * jumps (forward in a gap, back in an overlap). So the window's state can only change at an
 * instant whose local time is a window boundary, a local midnight (when blackout dates exist), or
 * at a transition. This class lists those
 * candidate instants for the dates around {@code t}, sorts them, and returns the first one after
 * {@code t} in the wanted state. A boundary inside an overlap yields both of its instants; a
 * boundary inside a gap yields none (the transition instant stands in for it).
 */
final class WindowSearch {

    /** Local dates examined. A window opens at least weekly; two weeks also cover a skipped day. */
    private static final int HORIZON_DAYS = 16;

    private WindowSearch() {
    }

    static Instant nextOpening(CallWindow window, Instant t) {
        if (window.isOpen(t)) {
            return t;
        }
        return first(window, t, true, window::isOpen);
    }

    static Instant nextClosing(CallWindow window, Instant t) {
        if (window.isAllDay() && window.days().size() == 7) {
            // Open around the clock: it closes only at the start of its next blackout date, if any.
            Instant open = nextOpening(window, t);
            LocalDate from = LocalDate.ofInstant(open, window.zone());
            return window.blackouts().stream().filter(d -> d.isAfter(from)).min(LocalDate::compareTo)
                    .map(d -> d.atStartOfDay(window.zone()).toInstant()).orElse(Instant.MAX);
        }
        Instant open = nextOpening(window, t);
        return first(window, open, false, instant -> !window.isOpen(instant));
    }

    /**
     * Searches {@link #HORIZON_DAYS} at a time; blackout dates can push an opening further out, by
     * at most one horizon per blackout date, so the search ends.
     */
    private static Instant first(CallWindow window, Instant after, boolean openings, Predicate<Instant> wanted) {
        Instant from = after;
        for (int round = 0; round <= window.blackouts().size() + 1; round++) {
            List<Instant> candidates = candidates(window, from, openings);
            Collections.sort(candidates);
            for (Instant candidate : candidates) {
                if (candidate.isAfter(after) && wanted.test(candidate)) {
                    return candidate;
                }
            }
            from = LocalDate.ofInstant(from, window.zone()).plusDays(HORIZON_DAYS - 2L)
                    .atStartOfDay(window.zone()).toInstant();
        }
        throw new IllegalStateException("no " + (openings ? "opening" : "closing") + " of " + window
                + " after " + after);
    }

    private static List<Instant> candidates(CallWindow window, Instant after, boolean openings) {
        ZoneRules rules = window.zone().getRules();
        LocalDate firstDate = LocalDate.ofInstant(after, window.zone()).minusDays(1);
        List<Instant> result = new ArrayList<>();
        boolean midnights = !window.blackouts().isEmpty();
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate date = firstDate.plusDays(i);
            if (window.days().contains(date.getDayOfWeek())) {
                addInstants(result, openings ? date.atTime(window.start()) : closingOf(window, date), rules);
            }
            if (midnights) {
                // A blackout day begins and ends at local midnight: the state may change there too.
                addInstants(result, date.atStartOfDay(), rules);
            }
        }
        Instant limit = firstDate.plusDays(HORIZON_DAYS + 2L).atStartOfDay().toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition transition = rules.nextTransition(after);
        while (transition != null && !transition.getInstant().isAfter(limit)) {
            result.add(transition.getInstant());
            transition = rules.nextTransition(transition.getInstant());
        }
        return result;
    }

    /** Local end of the window that opens on {@code date}. */
    private static LocalDateTime closingOf(CallWindow window, LocalDate date) {
        boolean nextDay = window.isAllDay() || window.spansMidnight();
        return (nextDay ? date.plusDays(1) : date).atTime(window.end());
    }

    private static void addInstants(List<Instant> into, LocalDateTime local, ZoneRules rules) {
        for (ZoneOffset offset : rules.getValidOffsets(local)) {
            into.add(local.toInstant(offset));
        }
    }
}
