package io.batchcall.internal;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import io.batchcall.spi.BatchStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every batch status change goes through here: checked against {@link BatchStatus}'s table,
 * stamped (started, finished), written with optimistic locking.
 */
final class BatchTransitions {
    private static final Logger LOG = LoggerFactory.getLogger(BatchTransitions.class);
    private static final int ATTEMPTS = 8;

    private final BatchStore store;
    private final Clock clock;

    BatchTransitions(BatchStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Batch get(BatchId id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("batch " + id + " does not exist"));
    }

    /**
     * Re-reads and applies {@code change} until the versioned update wins. {@code change} may
     * throw to refuse (e.g. an illegal transition); it sees the freshest copy each time.
     */
    Batch modify(BatchId id, UnaryOperator<Batch> change) {
        for (int i = 1; ; i++) {
            Batch current = get(id);
            Batch changed = change.apply(current);
            if (changed == current) {
                return current;
            }
            try {
                return store.update(changed);
            } catch (ConcurrentUpdateException e) {
                if (i >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** {@code current → next}, checked against the transition table, stamped. */
    Batch to(BatchId id, BatchStatus next, PauseReason reason) {
        return modify(id, b -> stamped(b, next, reason));
    }

    /**
     * Moves {@code seen} to {@code next} only if it is still exactly as seen (same version).
     * Returns empty if someone else changed it first or the move is not allowed.
     */
    Optional<Batch> tryMove(Batch seen, BatchStatus next, PauseReason reason) {
        if (!seen.status().canBecome(next)) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.update(stamped(seen, next, reason)));
        } catch (ConcurrentUpdateException | NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The window rule applied after a batch became running: it pauses at once
     * ({@code outside_window}) when {@link Windows#closedFor} says so. Returns the batch as it is
     * now.
     */
    Batch pauseIfOutsideWindow(Batch b) {
        if (b.status() != BatchStatus.RUNNING || !Windows.closedFor(b, clock.instant())) {
            return b;
        }
        Optional<Batch> paused = tryMove(b, BatchStatus.PAUSED, PauseReason.OUTSIDE_WINDOW);
        paused.ifPresent(p -> LOG.info("batch {} paused: its call window is closed until {}", p.id(),
                p.spec().window().nextOpening(clock.instant())));
        return paused.orElseGet(() -> get(b.id()));
    }

    /** Pauses the batch for {@code reason} if it is running now; otherwise leaves it as it is. */
    Batch pauseIfRunning(BatchId id, PauseReason reason) {
        return modify(id, cur -> cur.status() == BatchStatus.RUNNING ? stamped(cur, BatchStatus.PAUSED, reason) : cur);
    }

    /** Fails the batch with the reason, from any status that may fail. */
    Batch fail(BatchId id, String reason) {
        return modify(id, b -> b.status() == BatchStatus.FAILED ? b
                : stamped(b, BatchStatus.FAILED, null).withFailureReason(reason));
    }

    Batch stamped(Batch b, BatchStatus next, PauseReason reason) {
        b.status().checkTransition(b.id(), next);
        Batch changed = b.withStatus(next, reason);
        if (next == BatchStatus.RUNNING && b.status() != BatchStatus.PAUSED) {
            changed = changed.withStartedAt(clock.instant()).withFinishedAt(null);
        }
        if (next.isFinished()) {
            changed = changed.withFinishedAt(clock.instant());
        }
        return changed;
    }
}
