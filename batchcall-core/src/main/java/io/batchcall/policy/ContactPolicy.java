package io.batchcall.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account's contact policy, on top of every batch's own settings: the calling-hours floor,
 * the account's blackout dates (read on each recipient's own calendar), the frequency cap across
 * batches, and whether the account's suppression (do-not-call) list is checked before each dial.
 * {@link #none()} is the default: no floor, no blackout date, no cap, suppression list checked.
 *
 * @param hours the calling-hours floor; {@link CallingHours#none()} for none
 * @param blackoutDates local dates on which no recipient of the account is called, read in the
 *     recipient's zone (the batch window's zone when the recipient's is unknown)
 * @param frequencyCap dials per number per rolling day and week; {@link FrequencyCap#off()} for none
 * @param checkSuppression whether each claimed chunk is checked against the account's suppression
 *     list (one lookup per chunk); true unless the host keeps its own list in a
 *     {@link io.batchcall.spi.DialGuard}
 */
public record ContactPolicy(CallingHours hours, Set<LocalDate> blackoutDates, FrequencyCap frequencyCap,
        boolean checkSuppression) {
    /**
     * Validates the components (see the record description).
     *
     * @param hours the floor; not null
     * @param blackoutDates the dates; null for none
     * @param frequencyCap the cap; not null
     * @param checkSuppression whether the suppression list is checked
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public ContactPolicy {
        if (hours == null) {
            throw new IllegalArgumentException("contact policy hours must not be null; use CallingHours.none()");
        }
        if (frequencyCap == null) {
            throw new IllegalArgumentException("contact policy frequencyCap must not be null; use FrequencyCap.off()");
        }
        if (blackoutDates == null || blackoutDates.isEmpty()) {
            blackoutDates = Set.of();
        } else {
            for (LocalDate d : blackoutDates) {
                if (d == null) {
                    throw new IllegalArgumentException("contact policy blackoutDates must not contain null");
                }
            }
            blackoutDates = Collections.unmodifiableSet(new TreeSet<>(blackoutDates));
        }
    }

    /**
     * The default: no floor, no blackout date, no cap; the suppression list is checked.
     *
     * @return the default policy
     */
    public static ContactPolicy none() {
        return new ContactPolicy(CallingHours.none(), Set.of(), FrequencyCap.off(), true);
    }

    /**
     * This policy with another floor.
     *
     * @param value the floor
     * @return the copy
     */
    public ContactPolicy withHours(CallingHours value) {
        return new ContactPolicy(value, blackoutDates, frequencyCap, checkSuppression);
    }

    /**
     * This policy with other account blackout dates.
     *
     * @param value the dates
     * @return the copy
     */
    public ContactPolicy withBlackoutDates(Set<LocalDate> value) {
        return new ContactPolicy(hours, value, frequencyCap, checkSuppression);
    }

    /**
     * This policy with another frequency cap.
     *
     * @param value the cap
     * @return the copy
     */
    public ContactPolicy withFrequencyCap(FrequencyCap value) {
        return new ContactPolicy(hours, blackoutDates, value, checkSuppression);
    }

    /**
     * This policy with the suppression check on or off.
     *
     * @param value whether the suppression list is checked
     * @return the copy
     */
    public ContactPolicy withSuppressionCheck(boolean value) {
        return new ContactPolicy(hours, blackoutDates, frequencyCap, value);
    }

    /**
     * Whether the policy restricts when recipients may be called (a floor rule or a blackout date).
     *
     * @return true when times are restricted
     */
    public boolean restrictsTimes() {
        return !hours.isEmpty() || !blackoutDates.isEmpty();
    }
}
