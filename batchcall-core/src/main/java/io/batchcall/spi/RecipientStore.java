package io.batchcall.spi;

import io.batchcall.NotFoundException;
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
 * Recipients of batches: import, listing, counts and bulk status moves. A phone number occurs at
 * most once per batch. Every status change appends one recipient {@code StatusEvent} per
 * recipient to the {@link EventLog}, in the same unit of work (bulk moves append theirs in
 * recipient id order). Creating recipients (import, copy) is not a status change and appends
 * nothing. Readers of an unknown batch get empty results; writers get {@link NotFoundException}.
 * Thread-safe.
 */
public interface RecipientStore {
    /**
     * Opens a unit of work that adds recipients to a batch in chunks. Nothing is visible to other
     * readers, and nothing is kept, unless {@link ImportSession#commit()} is called.
     *
     * @param batch the batch to add to (a draft or a series template)
     * @return the open session; close it without committing to discard everything
     * @throws NotFoundException if the batch does not exist
     */
    ImportSession openImport(BatchId batch);

    /**
     * Calls {@code action} with the E.164 number of every recipient already in the batch, in id order.
     *
     * @param batch the batch; an unknown batch has none
     * @param action called once per number, on the calling thread
     */
    void forEachPhone(BatchId batch, Consumer<String> action);

    /**
     * One recipient by id.
     *
     * @param id the recipient
     * @return the recipient, or empty if unknown
     */
    Optional<Recipient> find(RecipientId id);

    /**
     * Recipients of a batch ordered by id, after {@code query.afterId()}.
     *
     * @param batch the batch
     * @param query the page: after which id, how many, which statuses
     * @return the page, empty for an unknown batch
     */
    List<Recipient> list(BatchId batch, RecipientQuery query);

    /**
     * Counts by status, derived from the rows (never a separately kept counter).
     *
     * @param batch the batch
     * @return the counts, all zero for an unknown batch
     */
    RecipientCounts counts(BatchId batch);

    /**
     * The distinct zone keys of the batch's pending recipients (for per-recipient hours), due or
     * not; includes the empty key when some pending recipient's zone is unknown.
     *
     * @param batch the batch
     * @return the zone keys, possibly empty
     */
    Set<String> pendingZoneKeys(BatchId batch);

    /**
     * Copies every recipient of {@code from} (whatever its status) into {@code to} as fresh
     * recipients, in id order: pending, zero attempts, no reason, no last attempt, {@code notBefore}
     * = {@link Instant#EPOCH}; number, name, variables and zone key are kept. Numbers already in
     * {@code to} are not copied again. Used e.g. to clone a series parent's template into a new
     * run. Returns how many were copied.
     *
     * @param from the batch to copy from
     * @param to the batch to copy into
     * @return how many recipients were copied
     * @throws NotFoundException if either batch does not exist
     * @throws IllegalArgumentException if the batches belong to different accounts (every unit of
     *     work touches one account; a run is cloned within its parent's account)
     */
    long copyRecipients(BatchId from, BatchId to);

    /**
     * Moves every pending recipient of the batch to skipped with the reason (due or not; notBefore,
     * attempts and last attempt are kept). Each appends an event (skipped, detail = reason, no
     * attempt id) at {@code at}. Returns how many.
     *
     * @param batch the batch
     * @param reason kept on each skipped recipient and its event
     * @param at the instant of the change
     * @return how many recipients were skipped
     */
    long skipPending(BatchId batch, String reason, Instant at);

    /**
     * For a re-run: moves finished recipients (completed, failed, busy, no_answer, skipped) back to
     * pending, due at {@code at}, with zero attempts in the run and no reason; the last attempt and
     * the attempt history are kept. With {@code unreachedOnly}, completed recipients stay as they
     * are. Recipients already pending keep their status and notBefore but their attempts are reset
     * to zero too; recipients in flight are left alone. Each moved recipient appends an event
     * (pending, no detail, no attempt id) at {@code at}. Returns how many were moved.
     *
     * @param batch the batch
     * @param unreachedOnly true to leave completed recipients as they are
     * @param at when the moved recipients are due, and the instant of their events
     * @return how many recipients were moved
     */
    long requeueAll(BatchId batch, boolean unreachedOnly, Instant at);
}
