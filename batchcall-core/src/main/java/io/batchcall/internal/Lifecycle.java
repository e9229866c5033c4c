package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.RecipientStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-driven batch moves of an engine step: start due batches, pause and resume on the
 * call window and on credit, skip what is past the deadline, and complete batches with nothing
 * left to call. Each move is a versioned update, so several nodes may run it at once. Every
 * batch is visited, oldest first, however many there are.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private static final BatchQuery LIVE = BatchQuery.inStatus(EnumSet.of(BatchStatus.RUNNING, BatchStatus.PAUSED), 1);

    private final BatchStore batches;
    private final RecipientStore recipients;
    private final CallStore calls;
    private final BatchTransitions transitions;
    private final Credit credit;
    private final Clock clock;

    Lifecycle(BatchStore batches, RecipientStore recipients, CallStore calls, BatchTransitions transitions,
            Credit credit, Clock clock) {
        this.batches = batches;
        this.recipients = recipients;
        this.calls = calls;
        this.transitions = transitions;
        this.credit = credit;
        this.clock = clock;
    }

    void startDue() {
        Instant now = clock.instant();
        for (Batch b : AllBatches.oldestFirst(batches, BatchQuery.inStatus(EnumSet.of(BatchStatus.SCHEDULED), 1))) {
            if (b.scheduledFor() == null || !b.scheduledFor().isAfter(now)) {
                transitions.tryMove(b, BatchStatus.RUNNING, null).ifPresent(running -> {
                    LOG.info("batch {} started (scheduled for {})", b.id(), b.scheduledFor());
                    transitions.pauseIfOutsideWindow(running);
                });
            }
        }
    }

    /** Windows, credit and deadlines for running and paused batches. */
    void adjust() {
        Instant now = clock.instant();
        for (Batch b : AllBatches.oldestFirst(batches, LIVE)) {
            if (b.isSeriesParent()) {
                continue;
            }
            if (b.spec().deadline() != null && !now.isBefore(b.spec().deadline())) {
                long skipped = recipients.skipPending(b.id(), "deadline " + b.spec().deadline() + " passed", now);
                if (skipped > 0) {
                    LOG.info("batch {}: deadline passed, {} pending recipients skipped", b.id(), skipped);
                }
            }
            if (b.status() == BatchStatus.RUNNING) {
                transitions.pauseIfOutsideWindow(b);
            } else if (!Windows.closedFor(b, now) && resumesBySelf(b)) {
                transitions.tryMove(b, BatchStatus.RUNNING, null).ifPresent(r -> LOG.info(
                        "batch {} resumed: {}", b.id(), b.pauseReason() == PauseReason.OUTSIDE_WINDOW
                                ? "its call window opened" : "the account has credit again"));
            }
        }
    }

    private boolean resumesBySelf(Batch b) {
        if (b.pauseReason() == PauseReason.OUTSIDE_WINDOW) {
            return true;
        }
        return b.pauseReason() == PauseReason.INSUFFICIENT_CREDIT && credit.coversOneDial(b.account());
    }

    /** Completes running or paused batches that have nothing pending, in flight or unsettled. */
    void completeFinished() {
        for (Batch b : AllBatches.oldestFirst(batches, LIVE)) {
            if (b.isSeriesParent() || hasOpenWork(b)) {
                continue;
            }
            transitions.tryMove(b, BatchStatus.COMPLETED, null).ifPresent(done -> {
                // A retry queued between the check and the move reopens the batch.
                if (hasOpenWork(done)) {
                    transitions.tryMove(done, BatchStatus.RUNNING, null);
                } else {
                    LOG.info("batch {} completed", b.id());
                }
            });
        }
    }

    /**
     * Whether anything is pending, in flight, or ended but not yet settled (its settlement may
     * still queue a retry): indexed look-ups, never a count of the batch.
     */
    boolean hasOpenWork(Batch b) {
        return calls.activeCalls(b.id()) > 0
                || !recipients.list(b.id(), new RecipientQuery(RecipientStatus.PENDING, null, 1)).isEmpty()
                || calls.hasUnsettled(b.account(), b.id());
    }
}
