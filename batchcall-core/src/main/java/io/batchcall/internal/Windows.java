package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.Recipient;
import io.batchcall.model.ZoneKey;
import io.batchcall.policy.CallingTime;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.policy.RecipientRegions;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Evaluates a batch's call window with the account's contact policy, for the batch as a whole, per
 * recipient zone, or per recipient. Every decision is {@link CallingTime}'s.
 */
final class Windows {
    private Windows() {
    }

    /**
     * The one rule for pausing on the window: a running batch pauses {@code outside_window} when
     * its window is closed now. A batch that evaluates the window in each recipient's zone never
     * pauses as a whole: each recipient waits for its own hours.
     */
    static boolean closedFor(Batch b, Instant now) {
        return !b.spec().recipientLocalTime() && !b.spec().window().isOpen(now);
    }

    /**
     * Whether claims must be limited to open zone keys: the batch reads its window per recipient,
     * or the policy has a floor rule for everyone or blackout dates (read in each recipient's zone).
     */
    static boolean filtersZones(Batch b, ContactPolicy policy) {
        return b.spec().recipientLocalTime() || !policy.hours().universal().isEmpty()
                || !policy.blackoutDates().isEmpty();
    }

    /**
     * The zone keys of pending recipients that may be called now: the window (per zone when the
     * batch reads it per recipient), the floor's rules for everyone and the account's blackout
     * dates, in every zone of the key ({@link CallingTime}). Rules for one region are applied per
     * recipient when it is claimed ({@link #forRecipient}).
     */
    static Set<String> openZoneKeys(Batch b, ContactPolicy policy, Set<String> pendingKeys, Instant now) {
        CallingTime time = new CallingTime(b.spec().window(), b.spec().recipientLocalTime(),
                policy.hours().universal(), policy.blackoutDates());
        Set<String> open = new HashSet<>();
        for (String key : pendingKeys) {
            if (time.isOpen(ZoneKey.zones(key), now)) {
                open.add(key);
            }
        }
        return open;
    }

    /** Every time rule for one recipient: the window, the floor's rules for its regions, blackout dates. */
    static CallingTime forRecipient(Batch b, ContactPolicy policy, Recipient r) {
        var hours = policy.hours();
        return new CallingTime(b.spec().window(), b.spec().recipientLocalTime(),
                hours.rulesFor(RecipientRegions.of(r.phone(), r.variables(), hours.subdivisionVariable())),
                policy.blackoutDates());
    }
}
