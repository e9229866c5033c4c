package io.batchcall.internal;

import io.batchcall.BatchWaiting;
import io.batchcall.BatchWaiting.Reason;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import io.batchcall.model.ZoneKey;
import io.batchcall.policy.CallingTime;
import io.batchcall.policy.ContactPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a batch is not dialing, decided from the same rules the engine dials by ({@link Windows},
 * {@link CallingTime}): pure, so the facade can answer on any node.
 */
public final class Waits {
    private Waits() {
    }

    /**
     * Why {@code b} is not dialing at {@code now}, or empty when it may dial (it is running and at
     * least one pending recipient is inside its hours; it may still wait for a free line, its
     * credit or a retry's time).
     *
     * @param b the batch
     * @param policy the account's contact policy
     * @param pendingKeys the zone keys of the batch's pending recipients
     * @param now the instant
     * @return the reason, or empty
     */
    public static Optional<BatchWaiting> of(Batch b, ContactPolicy policy, Set<String> pendingKeys, Instant now) {
        BatchStatus s = b.status();
        if (s == BatchStatus.DRAFT) {
            return wait(b, Reason.DRAFT, "a draft dials once it is sent", null);
        }
        if (s == BatchStatus.SCHEDULED) {
            return wait(b, Reason.SCHEDULED, "scheduled to start at " + b.scheduledFor(), b.scheduledFor());
        }
        if (s == BatchStatus.RECURRING) {
            return wait(b, Reason.SERIES_PARENT, "the parent of a recurring series; its runs dial", null);
        }
        if (s.isFinished()) {
            return wait(b, Reason.FINISHED, "the batch is " + s.wireName(), null);
        }
        if (s == BatchStatus.PAUSED) {
            PauseReason p = b.pauseReason();
            Instant until = p == PauseReason.OUTSIDE_WINDOW ? b.spec().window().nextOpening(now) : null;
            return wait(b, Reason.PAUSED, "paused: " + (p == null ? "unknown reason" : p.wireName()), until);
        }
        if (pendingKeys.isEmpty() || !Windows.filtersZones(b, policy)
                || !Windows.openZoneKeys(b, policy, pendingKeys, now).isEmpty()) {
            return Optional.empty();
        }
        CallingTime window = new CallingTime(b.spec().window(), b.spec().recipientLocalTime(), List.of(), Set.of());
        CallingTime all = new CallingTime(b.spec().window(), b.spec().recipientLocalTime(), policy.hours().universal(),
                policy.blackoutDates());
        boolean windowClosed = true;
        Instant until = null;
        for (String key : pendingKeys) {
            var zones = ZoneKey.zones(key);
            windowClosed &= !window.isOpen(zones, now);
            Instant next = all.nextOpen(zones, now);
            if (next != null && (until == null || next.isBefore(until))) {
                until = next;
            }
        }
        if (windowClosed) {
            return wait(b, Reason.OUTSIDE_WINDOW, "no pending recipient is inside the batch's call window now", until);
        }
        return wait(b, Reason.CALLING_HOURS, "no pending recipient is inside the account's legal calling hours "
                + policy.hours().universal() + (policy.blackoutDates().isEmpty() ? ""
                        : " and off its blackout dates " + policy.blackoutDates()) + " in its own time zone now", until);
    }

    private static Optional<BatchWaiting> wait(Batch b, Reason r, String detail, Instant until) {
        return Optional.of(new BatchWaiting(b.id(), r, detail, until));
    }
}
