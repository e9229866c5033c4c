package io.batchcall;

import io.batchcall.model.BatchId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a batch is not dialing now, and until when, as the engine would decide it at this instant:
 * the answer to "why is nothing happening?". Computed on demand from the stored batch, its pending
 * recipients' zones and the account's contact policy, so every node gives the same answer.
 *
 * @param batchId the batch
 * @param reason why it is not dialing
 * @param detail a sentence naming the rule that holds it, for people
 * @param until when it may dial again as far as this rule is concerned, or null when unknown (it
 *     depends on an operator, a top-up, or a zone that cannot be known)
 */
public record BatchWaiting(BatchId batchId, Reason reason, String detail, Instant until) {
    /** Why a batch is not dialing. */
    public enum Reason {
        /** A draft: it dials once sent. */
        DRAFT,
        /** Sent for later: it starts at {@code until}. */
        SCHEDULED,
        /** Paused (its pause reason is in the detail). */
        PAUSED,
        /** Running, but outside its call window for every pending recipient. */
        OUTSIDE_WINDOW,
        /** Running, but no pending recipient is inside the account's legal calling hours or off its blackout dates. */
        CALLING_HOURS,
        /** Completed, cancelled or failed: it dials no more. */
        FINISHED,
        /** The parent of a recurring series: its runs dial, not it. */
        SERIES_PARENT;

        /**
         * The lower-case name used in JSON.
         *
         * @return e.g. {@code calling_hours}
         */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the components.
     *
     * @param batchId the batch
     * @param reason why it is not dialing
     * @param detail a sentence for people
     * @param until when it may dial again, or null
     * @throws NullPointerException if batchId, reason or detail is null
     */
    public BatchWaiting {
        Objects.requireNonNull(batchId, "batchId must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
    }
}
