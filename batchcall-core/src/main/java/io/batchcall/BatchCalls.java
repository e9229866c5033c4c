package io.batchcall;

import io.batchcall.csv.ExistingNumbers;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.NumberZones;
import io.batchcall.csv.ImportReport;
import io.batchcall.csv.RecipientCsvImporter;
import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.EventHandler;
import io.batchcall.delivery.StartAt;
import io.batchcall.delivery.internal.DeliveryRunner;
import io.batchcall.internal.BatchOperations;
import io.batchcall.internal.Dispositions;
import io.batchcall.internal.Engine;
import io.batchcall.internal.EngineLoop;
import io.batchcall.internal.StoreStats;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Tariff;
import io.batchcall.spi.AccountLimitsProvider;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.EngineStats;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.Telephony;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.StatusEvent;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point: batch-calling campaigns on the host's storage, carrier and ledger.
 *
 * <pre>{@code
 * BatchCalls calls = BatchCalls.builder(storage, telephony, ledger).clock(clock).build();
 * Batch draft = calls.createDraft(spec);
 * calls.importRecipients(draft.id(), csvStream, ImportOptions.ofDefaults());
 * calls.send(draft.id());
 * calls.start();            // or call runOnce() from your own scheduler
 * }</pre>
 *
 * <p><b>Tenants.</b> The methods here take any id and are meant for operators and trusted code.
 * Where an id comes from a user, go through {@link #forAccount}: its view answers another
 * account's id exactly like an unknown one.
 *
 * <p>All methods are thread-safe. Refused operations throw a {@link BatchCallException} whose
 * message names the batch and its status. Carrier status updates enter through
 * {@link #statusSink()}. {@link #close()} stops the engine threads with a bounded wait.
 */
public final class BatchCalls implements AutoCloseable {
    private final Storage storage;
    private final Engine engine;
    private final BatchOperations ops;
    private final EngineLoop loop;
    private final EngineObserver observer;
    private final EngineHealth.Tracker health;
    private final EngineStats stats;
    private final Dispositions dispositions;
    private final DeliveryRunner deliveries;

    BatchCalls(Storage storage, Engine engine, BatchOperations ops, EngineLoop loop, EngineObserver observer,
            EngineHealth.Tracker health, Dispositions dispositions, DeliveryRunner deliveries) {
        this.dispositions = dispositions;
        this.deliveries = deliveries;
        this.storage = storage;
        this.engine = engine;
        this.ops = ops;
        this.loop = loop;
        this.observer = observer;
        this.health = health;
        this.stats = new StoreStats(storage);
    }

    /**
     * Starts a builder with the three required ports.
     *
     * @param storage where batches, recipients, attempts and events live
     * @param telephony the carrier adapter that places calls
     * @param ledger the credit ledger that holds and captures call costs
     * @return a builder with the defaults listed on {@link BatchCallsBuilder}
     * @throws NullPointerException if a port is null
     */
    public static BatchCallsBuilder builder(Storage storage, Telephony telephony, CreditLedger ledger) {
        return new BatchCallsBuilder(storage, telephony, ledger);
    }

    /**
     * The view of one account: every id it is given must belong to that account, and another
     * account's id reads exactly like an unknown one. Use it wherever ids come from users; the
     * methods of {@code BatchCalls} itself take any id and are meant for operators and trusted code.
     *
     * @param account the account; not null
     * @return a view scoped to that account
     * @throws NullPointerException if account is null
     */
    public AccountCalls forAccount(AccountId account) {
        return new AccountCalls(this, account);
    }

    // --- drafts ---

    /**
     * Stores a new draft.
     *
     * @param spec the draft's configuration; not null
     * @return the stored draft, status draft
     */
    public Batch createDraft(BatchSpec spec) {
        return ops.createDraft(spec);
    }

    /**
     * Replaces the spec of a draft (or the config of a recurring series).
     *
     * @param id a draft, or a recurring series' parent
     * @param spec the new configuration; its account must stay the same
     * @return the updated batch
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch updateDraft(BatchId id, BatchSpec spec) {
        return ops.updateDraft(id, spec);
    }

    /**
     * Deletes a draft and its recipients.
     *
     * @param id a draft
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public void deleteDraft(BatchId id) {
        ops.deleteDraft(id);
    }

    /**
     * Adds recipients to a draft (or a series template) in one unit of work; numbers already in
     * the batch are not added twice. Returns how many were added.
     *
     * @param id a draft or a series template
     * @param recipients the recipients to add; not null
     * @return how many were added (duplicates excluded)
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public long addRecipients(BatchId id, List<NewRecipient> recipients) {
        ops.requireEditable(ops.get(id));
        recipients = withZones(recipients);
        try (ImportSession session = storage.recipients().openImport(id)) {
            for (int from = 0; from < recipients.size(); from += 1000) {
                session.add(new ArrayList<>(recipients.subList(from, Math.min(recipients.size(), from + 1000))));
            }
            return session.commit();
        }
    }

    /**
     * Recipients without a zone get the zones of their number, exactly as a CSV import gives them,
     * so per-recipient calling hours hold for recipients added in code too.
     */
    private static List<NewRecipient> withZones(List<NewRecipient> recipients) {
        List<NewRecipient> out = new ArrayList<>(recipients.size());
        for (NewRecipient r : recipients) {
            out.add(r.zoneKey().isEmpty() ? new NewRecipient(r.phone(), r.name(), r.variables(), NumberZones.keyOf(r.phone()))
                    : r);
        }
        return out;
    }

    /**
     * Imports recipients from a CSV upload (UTF-8; header aliases, E.164 normalisation, per-row
     * report) into a draft or a series template, in one unit of work: if the file is refused whole
     * or anything fails part-way, nothing is stored. The stream is not closed.
     *
     * @throws io.batchcall.csv.CsvImportException if the file is refused whole (no phone column,
     *     text that is not UTF-8, a limit exceeded); nothing was stored
     * @throws IllegalStateTransitionException if the batch is not editable
     *
     * @param id a draft or a series template
     * @param csv the file's bytes; read to the end, not closed
     * @param options column mapping, default region and limits
     * @return what was imported and every rejected row
     * @throws NotFoundException if the batch does not exist
     */
    public ImportReport importRecipients(BatchId id, InputStream csv, ImportOptions options) {
        ops.requireEditable(ops.get(id));
        try (ImportSession session = storage.recipients().openImport(id)) {
            ImportReport report = RecipientCsvImporter.create().importCsv(csv, options,
                    ExistingNumbers.of(storage.recipients(), id), session);
            session.commit();
            observer.onCsvImport(report.accepted(), report.rejected());
            return report;
        }
    }

    /**
     * The CSV template users download: the accepted columns and one example row, UTF-8 with a
     * byte-order mark and CRLF line ends, which Excel opens correctly.
     *
     * @return the template text
     */
    public static String csvTemplate() {
        return RecipientCsvImporter.csvTemplate();
    }

    // --- lifecycle ---

    /**
     * Sends a draft: now, at {@code spec.startAt()}, or as a recurring series.
     *
     * @param id a draft with at least one recipient
     * @return the batch, now scheduled, running or recurring
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch send(BatchId id) {
        return ops.send(id);
    }

    /**
     * Cancels: pending recipients become skipped; calls in flight finish.
     *
     * @param id a batch or a series parent that is not finished
     * @return the cancelled batch
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch cancel(BatchId id) {
        return ops.cancel(id);
    }

    /**
     * Pauses a running batch until {@link #resume}.
     *
     * @param id a running batch
     * @return the paused batch, pause reason user
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch pause(BatchId id) {
        return ops.pause(id);
    }

    /**
     * Resumes a paused batch (it pauses again by itself if its window is closed).
     *
     * @param id a paused batch
     * @return the running batch
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch resume(BatchId id) {
        return ops.resume(id);
    }

    /**
     * Runs a completed, cancelled or failed batch again; attempt history is kept.
     *
     * @param id a finished batch
     * @param scope which recipients are dialed again
     * @return the running batch
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch rerun(BatchId id, RerunScope scope) {
        return ops.rerun(id, scope);
    }

    /**
     * Pauses a recurring series: runs in progress finish, no new run is started until
     * {@link #resumeSeries}.
     *
     * @param parentId the series parent
     * @return the paused parent
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch pauseSeries(BatchId parentId) {
        return ops.pauseSeries(parentId);
    }

    /**
     * Resumes a paused series; the next run starts at the next occurrence after now (missed ones are not
     * made up).
     *
     * @param parentId the series parent
     * @return the recurring parent
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch resumeSeries(BatchId parentId) {
        return ops.resumeSeries(parentId);
    }

    /**
     * Cancels the series and its scheduled and running runs.
     *
     * @param parentId the series parent
     * @return the cancelled parent
     * @throws NotFoundException if the batch does not exist
     * @throws IllegalStateTransitionException if the batch is not in a status that allows it
     */
    public Batch cancelSeries(BatchId parentId) {
        return ops.cancelSeries(parentId);
    }

    // --- reading ---

    /**
     * A batch with its recipient counts, read from the store now.
     *
     * @param id the batch
     * @return the batch and its counts
     * @throws NotFoundException if the batch does not exist
     */
    public BatchSummary batch(BatchId id) {
        Batch b = ops.get(id);
        return new BatchSummary(b, storage.recipients().counts(id));
    }

    /**
     * Why a batch is not dialing now, decided by the same rules the engine dials by: a draft, a
     * schedule, a pause, a finished batch, or a running batch none of whose pending recipients is
     * inside its call window or the account's legal calling hours now (with the next opening).
     * Empty when it may dial: it then waits, if at all, only for a free line, credit or a retry's
     * time. Operators' view; hosts use {@link AccountCalls#waiting}.
     *
     * @param id the batch
     * @return the reason, or empty when it may dial
     * @throws NotFoundException if the batch does not exist
     */
    public Optional<BatchWaiting> waiting(BatchId id) {
        return engine.waiting(ops.get(id));
    }

    /**
     * One account's batches newest first with their counts; series runs are under {@link #runs}.
     *
     * @param q the account, statuses and page
     * @return up to {@code q.limit()} batches with their counts
     */
    public List<BatchSummary> history(HistoryQuery q) {
        Objects.requireNonNull(q, "query must not be null");
        return summaries(new BatchQuery(q.account(), q.statuses(), null, true, q.beforeId(), q.limit()));
    }

    /**
     * For operators: every account's batches newest first, with their counts. Never pass a user's
     * request here; use {@link #forAccount} or {@link #history}.
     *
     * @param statuses only these statuses; null or empty for all
     * @param beforeId the last id of the previous page, or null for the first page
     * @param limit page size, 1 to 1000
     * @return up to {@code limit} batches, newest first
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    public List<BatchSummary> historyOfAllAccounts(Set<BatchStatus> statuses, BatchId beforeId, int limit) {
        return summaries(new BatchQuery(null, statuses, null, true, beforeId, limit));
    }

    private List<BatchSummary> summaries(BatchQuery query) {
        List<BatchSummary> out = new ArrayList<>();
        for (Batch b : storage.batches().find(query)) {
            out.add(new BatchSummary(b, storage.recipients().counts(b.id())));
        }
        return out;
    }

    /**
     * The runs of a recurring series, newest first.
     *
     * @param parentId the series parent
     * @param limit at most this many, 1 to 1000
     * @return the runs with their counts
     * @throws NotFoundException if the batch does not exist
     */
    public List<BatchSummary> runs(BatchId parentId, int limit) {
        List<BatchSummary> out = new ArrayList<>();
        for (Batch b : storage.batches().find(BatchQuery.runsOf(parentId, limit))) {
            out.add(new BatchSummary(b, storage.recipients().counts(b.id())));
        }
        return out;
    }

    /**
     * A page of a batch's recipients.
     *
     * @param id the batch
     * @param query which recipients and how many
     * @return the recipients of the page
     * @throws NotFoundException if the batch does not exist
     */
    public List<Recipient> recipients(BatchId id, RecipientQuery query) {
        ops.get(id);
        return storage.recipients().list(id, query);
    }

    /**
     * Every attempt of one recipient, oldest first, across retries and re-runs.
     *
     * @param recipient the recipient
     * @return the attempts; empty before the first dial or for an unknown recipient
     */
    public List<CallAttempt> attempts(RecipientId recipient) {
        return storage.calls().attempts(recipient);
    }

    /**
     * Completes with the batch's summary once it is completed, cancelled or failed (at once if it
     * is already), from the status events of any node sharing the store; never completes for a
     * recurring series' parent until the series ends. The engine must be running (or the host must
     * call {@link #runOnce}) for events to be delivered.
     *
     * @throws NotFoundException if the batch does not exist
     *
     * @param id the batch
     * @return a stage completed with the finished batch's summary
     */
    public CompletionStage<BatchSummary> whenFinished(BatchId id) {
        Batch b = ops.get(id);
        CompletableFuture<BatchSummary> done = new CompletableFuture<>();
        AutoCloseable[] handle = new AutoCloseable[1];
        handle[0] = engine.subscribe(b.account(), new BatchListener() {
            @Override
            public void onBatchEvent(StatusEvent e) {
                if (e.batchId().equals(id) && BatchStatus.fromWireName(e.status()).isFinished()) {
                    done.complete(batch(id));
                }
            }
        });
        done.whenComplete((summary, error) -> closeQuietly(handle[0]));
        BatchSummary now = batch(id);
        if (now.batch().status().isFinished()) {
            done.complete(now);
        }
        return done;
    }

    /**
     * Waits until the batch is completed, cancelled or failed; see {@link #whenFinished}.
     *
     * @throws BatchCallException if the timeout passes first (naming the batch and its status)
     * @throws InterruptedException if the waiting thread is interrupted
     *
     * @param id the batch
     * @param timeout the longest wait; not null
     * @return the finished batch's summary
     * @throws NotFoundException if the batch does not exist
     */
    public BatchSummary awaitFinished(BatchId id, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout must not be null");
        CompletableFuture<BatchSummary> done = whenFinished(id).toCompletableFuture();
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(false);
            throw new BatchCallException("batch " + id + " did not finish within " + timeout + "; it is "
                    + ops.get(id).status());
        } catch (ExecutionException e) {
            throw new BatchCallException("waiting for batch " + id + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // closing a subscription does not fail
        }
    }

    io.batchcall.internal.Contacts contacts() {
        return engine.contacts();
    }

    Batch batchOrNull(BatchId id) {
        return storage.batches().find(id).orElse(null);
    }

    Dispositions dispositions() {
        return dispositions;
    }

    Optional<Recipient> recipient(RecipientId id) {
        return storage.recipients().find(id);
    }

    /**
     * What a dial costs on this engine (fee plus per-minute rate), for cost estimates.
     *
     * @return the tariff given to the builder
     */
    public Tariff tariff() {
        return engine.settings().tariff();
    }

    /**
     * The account's cap and reserved slots as the engine's {@link AccountLimitsProvider} gives
     * them now (a batch's own limit must lie within them to bind).
     *
     * @param account the account
     * @return its limits now
     */
    public AccountLimits accountLimits(AccountId account) {
        Objects.requireNonNull(account, "account must not be null");
        return engine.settings().accountLimits().limitsOf(account);
    }

    /**
     * Reports how many inbound calls the account has now; they take concurrency slots.
     *
     * @param account the account
     * @param calls its inbound calls now, 0 or more; replaces the previous report
     */
    public void reportInboundCalls(AccountId account, int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("inbound calls must not be negative, but was " + calls);
        }
        storage.calls().setInboundCalls(account, calls);
    }

    /**
     * Active calls of the account now (outbound in all batches plus inbound).
     *
     * @param account the account
     * @return outbound calls in all batches plus the last reported inbound calls
     */
    public int activeCalls(AccountId account) {
        return storage.calls().activeCalls(account);
    }

    // --- events and engine ---

    /**
     * The engine's health now: its last successful step, the last step's error, whether the store
     * answers a trivial query (asked now), and the carrier's fatal errors in the last 15 minutes.
     *
     * @return a snapshot of the engine's health
     */
    public EngineHealth health() {
        try {
            storage.batches().find(BatchId.of(1)); // a keyed read: cheap whatever the store holds
            return health.snapshot(true, null);
        } catch (RuntimeException e) {
            return health.snapshot(false, String.valueOf(e));
        }
    }

    /**
     * Counts for gauges (active calls per account, unfinished batches), read from the store on each call.
     *
     * @return a live view; every read queries the store
     */
    public EngineStats stats() {
        return stats;
    }

    /**
     * Where the carrier adapter delivers call status updates.
     *
     * @return the sink on which the carrier adapter reports status updates
     */
    public CallStatusSink statusSink() {
        return engine;
    }

    /**
     * Listens to one account's batch and recipient status changes from now on, in order, from
     * every node sharing the store. Close the handle to stop.
     *
     * @param account the account to follow
     * @param listener called on the loop's event thread; not null
     * @return a handle whose {@code close()} stops the delivery
     */
    public AutoCloseable subscribe(AccountId account, BatchListener listener) {
        Objects.requireNonNull(account, "account must not be null");
        return engine.subscribe(account, Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * For operators: listens to every account's status changes from now on (in order within each
     * account). Close the handle to stop.
     *
     * @param listener called on the loop's event thread; not null
     * @return a handle whose {@code close()} stops the delivery
     */
    public AutoCloseable subscribeAll(BatchListener listener) {
        return engine.subscribe(null, Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * One engine step on the calling thread; returns the calls placed.
     *
     * @return the number of calls placed in this step
     */
    public int runOnce() {
        if (loop.isClosed()) {
            throw new IllegalStateException("this BatchCalls was closed; its dial threads are gone, so it takes no "
                    + "further steps");
        }
        return engine.runOnce();
    }

    /**
     * Starts the engine loop, and the delivery of durable consumers and webhooks, on their own
     * named threads.
     */
    public void start() {
        loop.start();
        deliveries.start();
    }

    /**
     * Stops the delivery threads (releasing the consumer leases this node holds), then the loop and
     * the dial threads, waiting a bounded time for work in progress.
     */
    @Override
    public void close() {
        deliveries.close();
        loop.close();
    }

    // --- durable consumers ---

    /**
     * Runs a durable consumer of one account's event log on this engine: {@code handler} gets each
     * event at least once, in sequence order, from the consumer's stored cursor; whichever node
     * sharing the store holds the consumer's lease delivers (one node at a time; another takes over
     * when the lease expires). A handler that throws has the event offered again after a backoff;
     * after {@link io.batchcall.delivery.DeliverySettings#maxAttempts()} failures the event becomes a
     * dead letter ({@link #deadLetters}) and delivery moves on. Delivered on the delivery threads
     * (see {@link #start()}) or by {@link #runDeliveryOnce()}; never on the dial path.
     *
     * @param consumer the consumer's name, 1-64 letters, digits and {@code . _ : -} (not starting
     *     with {@code webhook-}); the same name on every node
     * @param account the account followed
     * @param start where a consumer with no stored cursor starts; ignored once it has one
     * @param handler the consumer's code; not null
     * @return a handle whose {@code close()} stops this node delivering it and releases its lease
     * @throws IllegalArgumentException if the name breaks its rule
     * @throws IllegalStateException if this node already runs that consumer for that account
     * @throws UnsupportedOperationException if the storage keeps no subscriptions
     */
    public AutoCloseable consume(String consumer, AccountId account, StartAt start, EventHandler handler) {
        return deliveries.consume(new SubscriptionKey(consumer, account), start, handler);
    }

    /**
     * A consumer's dead letters (events it gave up on), oldest first.
     *
     * @param consumer the consumer's name (a webhook's is {@link io.batchcall.delivery.Webhook#consumer()})
     * @param account the account
     * @param afterId the last id of the previous page, 0 for the first
     * @param limit page size, 1 to 1000
     * @return the dead letters with their events
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    public List<DeadLetter> deadLetters(String consumer, AccountId account, long afterId, int limit) {
        return deliveries.deadLetters(new SubscriptionKey(consumer, account), afterId, limit);
    }

    /**
     * Asks for a dead letter to be delivered again (by the node holding the consumer's lease, at its
     * next pass); delivered, it is removed; failed, it stays with one more attempt counted.
     *
     * @param consumer the consumer's name
     * @param account the account
     * @param deadLetterId the dead letter, or 0 for all of the consumer's
     * @return how many were queued for redelivery
     * @throws NotFoundException if a single dead letter does not exist
     */
    public int redeliver(String consumer, AccountId account, long deadLetterId) {
        return deliveries.redeliver(new SubscriptionKey(consumer, account), deadLetterId);
    }

    /**
     * One delivery pass over every consumer and webhook on the calling thread (for tests and hosts
     * that schedule work themselves); returns the events acknowledged.
     *
     * @return events delivered or redelivered in this pass
     */
    public int runDeliveryOnce() {
        return deliveries.runOnce();
    }

    DeliveryRunner deliveries() {
        return deliveries;
    }

}
