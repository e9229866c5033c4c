package io.batchcall.policy;

import io.batchcall.schedule.CallWindow;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one rule for when a recipient may be dialed: the batch's window (in the recipient's zone
 * when the batch evaluates it per recipient, else in its own zone), every applicable
 * calling-hours rule and the account's blackout dates, in every zone the recipient may be in.
 * Pure and thread-safe.
 *
 * <p>Unknown zone (an empty zone list): the batch window and blackout dates are read in the
 * window's own zone, as before the floor existed; but if any hours rule applies, the recipient is
 * never open (fail safe: the rule's local time cannot be known).
 *
 * @param window the batch's window
 * @param perRecipient whether the window is read in the recipient's zone
 * @param rules the hours rules that apply to the recipient
 * @param blackoutDates the account's blackout dates
 */
public record CallingTime(CallWindow window, boolean perRecipient, List<HoursRule> rules,
        Set<LocalDate> blackoutDates) {
    /** Rounds of the search for a common opening before giving up. */
    private static final int SEARCH_ROUNDS = 200;

    /**
     * Validates the components (see the record description).
     *
     * @param window the batch's window; not null
     * @param perRecipient whether the window is read in the recipient's zone
     * @param rules the applicable hours rules; not null
     * @param blackoutDates the account's blackout dates; not null
     * @throws NullPointerException if a component is null
     */
    public CallingTime {
        Objects.requireNonNull(window, "window must not be null");
        rules = List.copyOf(rules);
        blackoutDates = Set.copyOf(blackoutDates);
    }

    /**
     * Whether a recipient in {@code zones} may be dialed at {@code now}.
     *
     * @param zones the zones the recipient may be in; empty when unknown
     * @param now the instant
     * @return true when every window, rule and blackout date allows it in every zone
     */
    public boolean isOpen(List<ZoneId> zones, Instant now) {
        List<CallWindow> all = windows(zones);
        if (all == null) {
            return false;
        }
        for (CallWindow w : all) {
            if (!w.isOpen(now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The earliest instant at or after {@code now} at which {@link #isOpen} holds.
     *
     * @param zones the zones the recipient may be in; empty when unknown
     * @param now where the search starts
     * @return {@code now} when open; the next common opening; or null when there is none that can be
     *     found (an unknown zone under an hours rule, or windows that never overlap)
     */
    public Instant nextOpen(List<ZoneId> zones, Instant now) {
        List<CallWindow> all = windows(zones);
        if (all == null) {
            return null;
        }
        Instant t = now;
        try {
            for (int round = 0; round < SEARCH_ROUNDS; round++) {
                Instant moved = t;
                for (CallWindow w : all) {
                    moved = w.nextOpening(moved);
                }
                if (moved.equals(t)) {
                    return t;
                }
                t = moved;
            }
        } catch (IllegalStateException | DateTimeException e) {
            return null;
        }
        return null;
    }

    /** Every window that must be open, or null when they cannot be known (unknown zone under a rule). */
    private List<CallWindow> windows(List<ZoneId> zones) {
        List<CallWindow> all = new ArrayList<>();
        if (zones.isEmpty()) {
            if (!rules.isEmpty()) {
                return null;
            }
            all.add(window);
            if (!blackoutDates.isEmpty()) {
                all.add(CallWindow.always(window.zone()).withBlackouts(blackoutDates));
            }
            return all;
        }
        if (!perRecipient) {
            all.add(window);
        }
        for (ZoneId z : zones) {
            if (perRecipient) {
                all.add(window.withZone(z));
            }
            for (HoursRule r : rules) {
                all.add(r.windowIn(z));
            }
            if (!blackoutDates.isEmpty()) {
                all.add(CallWindow.always(z).withBlackouts(blackoutDates));
            }
        }
        return all;
    }
}
