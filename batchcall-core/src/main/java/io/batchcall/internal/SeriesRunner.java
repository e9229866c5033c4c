package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewBatch;
import io.batchcall.schedule.Occurrence;
import io.batchcall.schedule.Recurrence;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.DuplicateRunException;
import io.batchcall.spi.RecipientStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spawns the runs of recurring series. A series parent (status {@code recurring}) has at most one
 * unfinished run; when none is left, the next run is created for the first occurrence after now
 * (missed occurrences are skipped and logged), as a draft that receives a copy of the parent's
 * recipients and is then scheduled. The store's unique (parent, occurrence) constraint makes
 * this safe on several nodes. The very first run is started at once if its anchor has passed.
 */
final class SeriesRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesRunner.class);

    private final BatchStore batches;
    private final RecipientStore recipients;
    private final BatchTransitions transitions;
    private final Clock clock;

    SeriesRunner(BatchStore batches, RecipientStore recipients, BatchTransitions transitions, Clock clock) {
        this.batches = batches;
        this.recipients = recipients;
        this.transitions = transitions;
        this.clock = clock;
    }

    void step() {
        for (Batch parent : AllBatches.oldestFirst(batches, BatchQuery.inStatus(EnumSet.of(BatchStatus.RECURRING), 1))) {
            if (parent.isSeriesParent()) {
                advance(parent);
            }
        }
    }

    /** Spawns or finishes what the series needs now. */
    void advance(Batch parent) {
        List<Batch> latest = batches.find(BatchQuery.runsOf(parent.id(), 1));
        Batch last = latest.isEmpty() ? null : latest.get(0);
        if (last != null && last.status() == BatchStatus.DRAFT) {
            schedule(parent, last);
            return;
        }
        if (last != null && !last.status().isFinished()) {
            return;
        }
        Optional<Occurrence> next = next(parent.spec().recurrence(), last);
        if (next.isEmpty()) {
            transitions.tryMove(parent, BatchStatus.COMPLETED, null)
                    .ifPresent(p -> LOG.info("series {} completed: its end condition was reached", parent.id()));
            return;
        }
        spawn(parent, next.get());
    }

    private Optional<Occurrence> next(Recurrence rec, Batch last) {
        Instant now = clock.instant();
        long minIndex = last == null ? 0 : last.occurrence() + 1;
        if (last == null) {
            Optional<Instant> first = rec.occurrence(0);
            if (first.isPresent() && !first.get().isAfter(now)) {
                return Optional.of(new Occurrence(0, now));
            }
        }
        Optional<Occurrence> after = rec.firstAfter(now);
        if (after.isPresent() && after.get().index() < minIndex) {
            after = rec.occurrence(minIndex).map(at -> new Occurrence(minIndex, at));
        }
        after.filter(o -> o.index() > minIndex).ifPresent(o -> LOG.info(
                "series: occurrences {} to {} were missed and are skipped", minIndex, o.index() - 1));
        return after;
    }

    private void spawn(Batch parent, Occurrence occ) {
        BatchSpec spec = parent.spec();
        Instant deadline = spec.deadline() != null && spec.deadline().isAfter(occ.at()) ? spec.deadline() : null;
        BatchSpec runSpec = spec.toBuilder().recurrence(null).startAt(occ.at()).deadline(deadline).build();
        Batch run;
        try {
            run = batches.create(new NewBatch(runSpec, BatchStatus.DRAFT, parent.id(), occ.index(), occ.at(),
                    clock.instant()));
        } catch (DuplicateRunException e) {
            return; // another node spawned it
        }
        schedule(parent, run);
    }

    private void schedule(Batch parent, Batch run) {
        recipients.copyRecipients(parent.id(), run.id());
        transitions.tryMove(run.withScheduledFor(run.spec().startAt()), BatchStatus.SCHEDULED, null)
                .ifPresent(r -> LOG.info("series {}: run {} (occurrence {}) scheduled for {}", parent.id(), r.id(),
                        r.occurrence(), r.scheduledFor()));
    }
}
