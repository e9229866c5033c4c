package io.batchcall;

import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.model.AccountId;
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

    /** The account this view is scoped to. */
    public AccountId account() {
        return account;
    }

    /**
     * Stores a new draft for this account.
     *
     * @throws IllegalArgumentException if {@code spec} names another account
     */
    public Batch createDraft(BatchSpec spec) {
        Objects.requireNonNull(spec, "spec must not be null");
        if (!spec.account().equals(account)) {
            throw new IllegalArgumentException("spec.account must be " + account + " in this account's view, but was "
                    + spec.account());
        }
        return calls.createDraft(spec);
    }

    /** Replaces the spec of one of this account's drafts (or a series' config). */
    public Batch updateDraft(BatchId id, BatchSpec spec) {
        owned(id);
        return calls.updateDraft(id, spec);
    }

    /** Deletes one of this account's drafts with its recipients. */
    public void deleteDraft(BatchId id) {
        owned(id);
        calls.deleteDraft(id);
    }

    /** Adds recipients to one of this account's drafts; see {@link BatchCalls#addRecipients}. */
    public long addRecipients(BatchId id, List<NewRecipient> recipients) {
        owned(id);
        return calls.addRecipients(id, recipients);
    }

    /** Imports a CSV into one of this account's drafts; see {@link BatchCalls#importRecipients}. */
    public ImportReport importRecipients(BatchId id, InputStream csv, ImportOptions options) {
        owned(id);
        return calls.importRecipients(id, csv, options);
    }

    /** Sends one of this account's drafts; see {@link BatchCalls#send}. */
    public Batch send(BatchId id) {
        owned(id);
        return calls.send(id);
    }

    /** Cancels one of this account's batches (or series); see {@link BatchCalls#cancel}. */
    public Batch cancel(BatchId id) {
        owned(id);
        return calls.cancel(id);
    }

    /** Pauses one of this account's running batches. */
    public Batch pause(BatchId id) {
        owned(id);
        return calls.pause(id);
    }

    /** Resumes one of this account's paused batches. */
    public Batch resume(BatchId id) {
        owned(id);
        return calls.resume(id);
    }

    /** Runs one of this account's finished batches again. */
    public Batch rerun(BatchId id, RerunScope scope) {
        owned(id);
        return calls.rerun(id, scope);
    }

    /** Pauses one of this account's recurring series: running runs finish, none spawn. */
    public Batch pauseSeries(BatchId parentId) {
        owned(parentId);
        return calls.pauseSeries(parentId);
    }

    /** Resumes one of this account's paused series. */
    public Batch resumeSeries(BatchId parentId) {
        owned(parentId);
        return calls.resumeSeries(parentId);
    }

    /** Cancels one of this account's series with its scheduled and running runs. */
    public Batch cancelSeries(BatchId parentId) {
        owned(parentId);
        return calls.cancelSeries(parentId);
    }

    /** One of this account's batches with its counts. */
    public BatchSummary batch(BatchId id) {
        owned(id);
        return calls.batch(id);
    }

    /** This account's batches, newest first, with their counts; series runs are under {@link #runs}. */
    public List<BatchSummary> history(Set<BatchStatus> statuses, BatchId beforeId, int limit) {
        return calls.history(new HistoryQuery(account, statuses, beforeId, limit));
    }

    /** The runs of one of this account's series, newest first. */
    public List<BatchSummary> runs(BatchId parentId, int limit) {
        owned(parentId);
        return calls.runs(parentId, limit);
    }

    /** A page of the recipients of one of this account's batches. */
    public List<Recipient> recipients(BatchId id, RecipientQuery query) {
        owned(id);
        return calls.recipients(id, query);
    }

    /**
     * The attempts of one recipient of one of this account's batches, oldest first.
     *
     * @throws NotFoundException if the batch is not this account's or the recipient is not in it
     */
    public List<CallAttempt> attempts(BatchId batchId, RecipientId recipientId) {
        owned(batchId);
        Recipient r = calls.recipient(recipientId).filter(x -> x.batchId().equals(batchId))
                .orElseThrow(() -> new NotFoundException("recipient " + recipientId + " of batch " + batchId
                        + " does not exist"));
        return calls.attempts(r.id());
    }

    /** Listens to this account's status changes from now on; close the handle to stop. */
    public AutoCloseable subscribe(BatchListener listener) {
        return calls.subscribe(account, listener);
    }

    /**
     * Completes when one of this account's batches is completed, cancelled or failed; see
     * {@link BatchCalls#whenFinished}.
     */
    public CompletionStage<BatchSummary> whenFinished(BatchId id) {
        owned(id);
        return calls.whenFinished(id);
    }

    /** Waits for one of this account's batches to finish; see {@link BatchCalls#awaitFinished}. */
    public BatchSummary awaitFinished(BatchId id, Duration timeout) throws InterruptedException {
        owned(id);
        return calls.awaitFinished(id, timeout);
    }

    /** Reports how many inbound calls this account has now; they take concurrency slots. */
    public void reportInboundCalls(int inbound) {
        calls.reportInboundCalls(account, inbound);
    }

    /** This account's active calls now, outbound and inbound. */
    public int activeCalls() {
        return calls.activeCalls(account);
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
