package io.batchcall;

import io.batchcall.csv.ImportOptions;
import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.EventHandler;
import io.batchcall.delivery.StartAt;
import io.batchcall.csv.ImportReport;
import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.RecipientQuery;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One account's view of {@link BatchCalls}: every lookup and every change is scoped to the
 * account, so an id that belongs to another account answers exactly like an id that does not
 * exist ({@link NotFoundException} with the same message) and changes nothing. Use it wherever an
 * id comes from a user: {@code calls.forAccount(authenticatedAccount).cancel(idFromRequest)}.
 *
 * <p>Cheap to create (no state of its own beyond the account), immutable and thread-safe.
 */
public final class AccountCalls {
    private final BatchCalls calls;
    private final AccountId account;

    AccountCalls(BatchCalls calls, AccountId account) {
        this.calls = calls;
        this.account = Objects.requireNonNull(account, "account must not be null");
    }

    /**
     * The account this view is scoped to.
     *
     * @return the account given to {@link BatchCalls#forAccount}
     */
    public AccountId account() {
        return account;
    }

    /**
     * Stores a new draft for this account.
     *
     * @throws IllegalArgumentException if {@code spec} names another account
     *
     * @param spec the draft's configuration; its account must be this one
     * @return the stored draft, status draft, version 1
     * @throws NullPointerException if spec is null
     */
    public Batch createDraft(BatchSpec spec) {
        Objects.requireNonNull(spec, "spec must not be null");
        if (!spec.account().equals(account)) {
            throw new IllegalArgumentException("spec.account must be " + account + " in this account's view, but was "
                    + spec.account());
        }
        return calls.createDraft(spec);
    }

    /**
     * Replaces the spec of one of this account's drafts (or a series' config).
     *
     * @param id one of this account's batches
     * @param spec the new configuration; see {@link BatchCalls#updateDraft}
     * @return the updated batch
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch updateDraft(BatchId id, BatchSpec spec) {
        owned(id);
        return calls.updateDraft(id, spec);
    }

    /**
     * Deletes one of this account's drafts with its recipients.
     *
     * @param id one of this account's drafts
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public void deleteDraft(BatchId id) {
        owned(id);
        calls.deleteDraft(id);
    }

    /**
     * Adds recipients to one of this account's drafts; see {@link BatchCalls#addRecipients}.
     *
     * @param id one of this account's drafts
     * @param recipients the recipients to add
     * @return how many were added
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public long addRecipients(BatchId id, List<NewRecipient> recipients) {
        owned(id);
        return calls.addRecipients(id, recipients);
    }

    /**
     * Imports a CSV into one of this account's drafts; see {@link BatchCalls#importRecipients}.
     *
     * @param id one of this account's drafts
     * @param csv the file's bytes (UTF-8); read to the end, not closed
     * @param options how to map and check the columns
     * @return what was imported and what was rejected
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public ImportReport importRecipients(BatchId id, InputStream csv, ImportOptions options) {
        owned(id);
        return calls.importRecipients(id, csv, options);
    }

    /**
     * Sends one of this account's drafts; see {@link BatchCalls#send}.
     *
     * @param id one of this account's drafts
     * @return the batch, now scheduled, running or recurring
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch send(BatchId id) {
        owned(id);
        return calls.send(id);
    }

    /**
     * Cancels one of this account's batches (or series); see {@link BatchCalls#cancel}.
     *
     * @param id one of this account's batches or series parents
     * @return the cancelled batch
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch cancel(BatchId id) {
        owned(id);
        return calls.cancel(id);
    }

    /**
     * Pauses one of this account's running batches.
     *
     * @param id one of this account's running batches
     * @return the paused batch
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch pause(BatchId id) {
        owned(id);
        return calls.pause(id);
    }

    /**
     * Resumes one of this account's paused batches.
     *
     * @param id one of this account's paused batches
     * @return the running batch
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch resume(BatchId id) {
        owned(id);
        return calls.resume(id);
    }

    /**
     * Runs one of this account's finished batches again.
     *
     * @param id one of this account's finished batches
     * @param scope which recipients are dialed again
     * @return the running batch
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch rerun(BatchId id, RerunScope scope) {
        owned(id);
        return calls.rerun(id, scope);
    }

    /**
     * Pauses one of this account's recurring series: running runs finish, none spawn.
     *
     * @param parentId the series parent
     * @return the paused parent
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch pauseSeries(BatchId parentId) {
        owned(parentId);
        return calls.pauseSeries(parentId);
    }

    /**
     * Resumes one of this account's paused series.
     *
     * @param parentId the series parent
     * @return the recurring parent
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch resumeSeries(BatchId parentId) {
        owned(parentId);
        return calls.resumeSeries(parentId);
    }

    /**
     * Cancels one of this account's series with its scheduled and running runs.
     *
     * @param parentId the series parent
     * @return the cancelled parent
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public Batch cancelSeries(BatchId parentId) {
        owned(parentId);
        return calls.cancelSeries(parentId);
    }

    /**
     * One of this account's batches with its counts.
     *
     * @param id one of this account's batches
     * @return the batch with its recipient counts
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public BatchSummary batch(BatchId id) {
        owned(id);
        return calls.batch(id);
    }

    /**
     * Why one of this account's batches is not dialing now; see {@link BatchCalls#waiting}.
     *
     * @param id one of this account's batches
     * @return the reason and the next opening, or empty when it may dial
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public java.util.Optional<BatchWaiting> waiting(BatchId id) {
        owned(id);
        return calls.waiting(id);
    }

    /**
     * This account's batches, newest first, with their counts; series runs are under {@link #runs}.
     *
     * @param statuses only these statuses; null or empty for all
     * @param beforeId the last id of the previous page, or null for the first page
     * @param limit page size, 1 to 1000
     * @return up to {@code limit} batches, newest first
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    public List<BatchSummary> history(Set<BatchStatus> statuses, BatchId beforeId, int limit) {
        return calls.history(new HistoryQuery(account, statuses, beforeId, limit));
    }

    /**
     * The runs of one of this account's series, newest first.
     *
     * @param parentId the series parent
     * @param limit at most this many, 1 to 1000
     * @return the runs, newest first
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public List<BatchSummary> runs(BatchId parentId, int limit) {
        owned(parentId);
        return calls.runs(parentId, limit);
    }

    /**
     * A page of the recipients of one of this account's batches.
     *
     * @param id one of this account's batches
     * @param query the page of recipients to read
     * @return the recipients of the page
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public List<Recipient> recipients(BatchId id, RecipientQuery query) {
        owned(id);
        return calls.recipients(id, query);
    }

    /**
     * The attempts of one recipient of one of this account's batches, oldest first.
     *
     * @throws NotFoundException if the batch is not this account's or the recipient is not in it
     *
     * @param batchId one of this account's batches
     * @param recipientId a recipient of that batch
     * @return every attempt, oldest first; empty before the first dial
     */
    public List<CallAttempt> attempts(BatchId batchId, RecipientId recipientId) {
        owned(batchId);
        Recipient r = calls.recipient(recipientId).filter(x -> x.batchId().equals(batchId))
                .orElseThrow(() -> new NotFoundException("recipient " + recipientId + " of batch " + batchId
                        + " does not exist"));
        return calls.attempts(r.id());
    }

    /**
     * Records what came of a call of one of this account's batches (the host's agent or IVR
     * reports it), once: a code from the batch's {@link io.batchcall.model.BatchSpec#dispositions()}
     * and a small map of data. Reporting the same code and data again, from any node, is a no-op
     * success; a different one is refused. The event {@code disposition} (detail: the code) is
     * appended. When the attempt has ended and the code (or a {@code callback_at} data value, an
     * ISO-8601 instant) asks for another dial, the recipient is queued for it in the same unit of
     * work (see {@link io.batchcall.rules.RetryRules#retryAt}); reported before the call ended, the
     * settlement of the call decides that.
     *
     * @param attemptId an attempt of one of this account's batches
     * @param code the disposition code, 1-64 characters
     * @param data at most 20 entries, values at most 2,000 characters; may be null
     * @return the attempt with its disposition
     * @throws NotFoundException if the attempt does not exist or is another account's
     * @throws IllegalArgumentException naming the field when the code is not allowed or the data too large
     * @throws DispositionConflictException naming both codes when another disposition is recorded
     * @throws IllegalStateTransitionException if the attempt was never placed
     */
    public CallAttempt disposition(AttemptId attemptId, String code, java.util.Map<String, String> data) {
        Objects.requireNonNull(attemptId, "attemptId must not be null");
        CallAttempt a = calls.dispositions().attempt(attemptId);
        if (!a.account().equals(account)) {
            throw new NotFoundException("attempt " + attemptId + " does not exist");
        }
        return calls.dispositions().record(attemptId, code, data);
    }

    /**
     * Queues a recipient of one of this account's batches for a call back at {@code when}
     * ("call me back at 4 pm"): it becomes pending, due then; the dial waits for the window, a free
     * slot and credit like any other. The batch must be scheduled, running or paused, and the
     * recipient dialed before and not in a call now, nor skipped.
     *
     * @param batchId one of this account's batches
     * @param recipientId a recipient of that batch
     * @param when when to call back
     * @return true when it was queued, false if the recipient changed meanwhile (ask again)
     * @throws NotFoundException if the batch is not this account's or the recipient is not in it
     * @throws IllegalStateTransitionException naming the status when the batch or recipient cannot take a call back
     */
    public boolean scheduleCallback(BatchId batchId, RecipientId recipientId, java.time.Instant when) {
        owned(batchId);
        return calls.dispositions().scheduleCallback(batchId, recipientId, when);
    }

    /**
     * How many attempts of one of this account's batches got each disposition code.
     *
     * @param batchId one of this account's batches
     * @return code to count, sorted by code; codes nobody reported are absent
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public java.util.Map<String, Long> dispositionCounts(BatchId batchId) {
        owned(batchId);
        return calls.dispositions().counts(batchId);
    }

    /**
     * Listens to this account's status changes from now on; close the handle to stop.
     *
     * @param listener called on the loop's event thread for each of this account's events; not null
     * @return a handle whose {@code close()} stops the delivery
     */
    public AutoCloseable subscribe(BatchListener listener) {
        return calls.subscribe(account, listener);
    }

    /**
     * Completes when one of this account's batches is completed, cancelled or failed; see
     * {@link BatchCalls#whenFinished}.
     *
     * @param id one of this account's batches
     * @return a stage completed with the finished batch's summary
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public CompletionStage<BatchSummary> whenFinished(BatchId id) {
        owned(id);
        return calls.whenFinished(id);
    }

    /**
     * Waits for one of this account's batches to finish; see {@link BatchCalls#awaitFinished}.
     *
     * @param id one of this account's batches
     * @param timeout the longest wait
     * @return the finished batch's summary
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws BatchCallException if the timeout passes first (see {@link BatchCalls#awaitFinished})
     * @throws NotFoundException if the batch does not exist or is another account's
     */
    public BatchSummary awaitFinished(BatchId id, Duration timeout) throws InterruptedException {
        owned(id);
        return calls.awaitFinished(id, timeout);
    }

    /**
     * Reports how many inbound calls this account has now; they take concurrency slots.
     *
     * @param inbound the account's inbound calls now, 0 or more; replaces the last report
     */
    public void reportInboundCalls(int inbound) {
        calls.reportInboundCalls(account, inbound);
    }

    /**
     * This account's active calls now, outbound and inbound.
     *
     * @return outbound calls in every batch plus the last reported inbound calls
     */
    public int activeCalls() {
        return calls.activeCalls(account);
    }

    /**
     * Runs a durable consumer of this account's events on this engine; see {@link BatchCalls#consume}.
     *
     * @param consumer the consumer's name (the same on every node)
     * @param start where a consumer with no stored cursor starts
     * @param handler the consumer's code; throwing means "offer again later"
     * @return a handle whose {@code close()} stops this node delivering it
     */
    public AutoCloseable consume(String consumer, StartAt start, EventHandler handler) {
        return calls.consume(consumer, account, start, handler);
    }

    /**
     * One of this account's consumers' dead letters, oldest first; see {@link BatchCalls#deadLetters}.
     *
     * @param consumer the consumer's name
     * @param afterId the last id of the previous page, 0 for the first
     * @param limit page size, 1 to 1000
     * @return the dead letters with their events
     */
    public List<DeadLetter> deadLetters(String consumer, long afterId, int limit) {
        return calls.deadLetters(consumer, account, afterId, limit);
    }

    /**
     * Asks for one dead letter of a consumer, or all ({@code deadLetterId} 0), to be delivered again.
     *
     * @param consumer the consumer's name
     * @param deadLetterId the dead letter, or 0 for all
     * @return how many were queued for redelivery
     * @throws NotFoundException if a single dead letter does not exist
     */
    public int redeliver(String consumer, long deadLetterId) {
        return calls.redeliver(consumer, account, deadLetterId);
    }

    /**
     * This account's webhooks: register, list and remove endpoints, see and redeliver dead letters.
     *
     * @return the account's webhook view
     */
    public AccountWebhooks webhooks() {
        return new AccountWebhooks(calls.deliveries(), account);
    }

    /**
     * This account's contact data: its suppression (do-not-call) list and the erasure of a number.
     *
     * @return the account's contact operations
     */
    public AccountContacts contacts() {
        return new AccountContacts(calls.contacts(), account);
    }

    /** Loads the batch if it is this account's; another account's id reads as unknown. */
    private Batch owned(BatchId id) {
        Objects.requireNonNull(id, "id must not be null");
        Batch b = calls.batchOrNull(id);
        if (b == null || !b.account().equals(account)) {
            throw new NotFoundException("batch " + id + " does not exist");
        }
        return b;
    }
}
