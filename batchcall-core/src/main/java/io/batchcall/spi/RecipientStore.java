package io.batchcall.spi;

import io.batchcall.model.BatchId;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Recipients of batches: import, listing, counts and bulk status moves. Every status change also
 * appends recipient {@code StatusEvent}s to the {@link EventLog} ({@link #skipPending} and
 * {@link #requeueAll} may append one summary batch-level event instead of one per row). Thread-safe.
 */
public interface RecipientStore {
    /**
     * Opens a unit of work that adds recipients to a batch in chunks. Nothing is visible to other
     * readers, and nothing is kept, unless {@link ImportSession#commit()} is called.
     */
    ImportSession openImport(BatchId batch);

    /** Calls {@code action} with the E.164 number of every recipient already in the batch. */
    void forEachPhone(BatchId batch, Consumer<String> action);

    Optional<Recipient> find(RecipientId id);

    /** Recipients of a batch ordered by id, after {@code query.afterId()}. */
    List<Recipient> list(BatchId batch, RecipientQuery query);

    /** Counts by status, derived from the rows (never a separately kept counter). */
    RecipientCounts counts(BatchId batch);

    /** The distinct zone keys of the batch's pending recipients (for per-recipient hours). */
    Set<String> pendingZoneKeys(BatchId batch);

    /**
     * Copies every recipient of {@code from} into {@code to} as fresh pending recipients
     * (no attempts), e.g. a series parent's template into a new run. Returns how many.
     */
    long copyRecipients(BatchId from, BatchId to);

    /** Moves every pending recipient of the batch to skipped with the reason. Returns how many. */
    long skipPending(BatchId batch, String reason, Instant at);

    /**
     * For a re-run: moves finished recipients back to pending with zero attempts in the run.
     * With {@code unreachedOnly}, completed recipients stay as they are. Returns how many.
     */
    long requeueAll(BatchId batch, boolean unreachedOnly, Instant at);
}
