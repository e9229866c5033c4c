package io.batchcall.rules;

import io.batchcall.model.CallAttempt;
import java.time.Instant;
import java.util.Objects;

/**
 * One decided change of a call attempt: what to write, and what follows from it.
 *
 * <p>A store writes {@code after} only if the stored attempt is still as {@code before} was loaded
 * (same status, same provider call id, same settlement state); otherwise it re-loads and asks the
 * rule again. In the same unit of work it applies {@code recipient} (when not null, under the
 * guards that {@link RecipientChange} describes) and appends the event (when {@code eventStatus}
 * is not null) for the attempt's recipient, at {@code eventAt}.
 *
 * @param before the attempt as loaded
 * @param after the attempt as it must be stored
 * @param recipient how the recipient follows, or null when it does not change
 * @param eventStatus the wire name of the status the event reports, or null for no event
 * @param eventDetail the event's detail, may be null
 * @param eventAt the event's time; never before the attempt's previous event
 */
public record AttemptChange(CallAttempt before, CallAttempt after, RecipientChange recipient, String eventStatus,
        String eventDetail, Instant eventAt) {
    /**
     * Validates the components (see the record description).
     *
     * @param before the attempt as loaded
     * @param after the attempt as it must be stored
     * @param recipient how the recipient follows, or null when it does not change
     * @param eventStatus the wire name of the status the event reports, or null for no event
     * @param eventDetail the event's detail, may be null
     * @param eventAt the event's time; never before the attempt's previous event
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of before, after, eventAt is null
     */
    public AttemptChange {
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(after, "after must not be null");
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a change must keep the attempt id " + before.id() + ", but named "
                    + after.id());
        }
        if (eventStatus != null) {
            Objects.requireNonNull(eventAt, "eventAt must not be null when there is an event");
        }
    }

    /**
     * Whether the attempt row itself changes (a requeue changes only the recipient).
     *
     * @return true when {@code before} and {@code after} differ
     */
    public boolean changesAttempt() {
        return !before.equals(after);
    }
}
