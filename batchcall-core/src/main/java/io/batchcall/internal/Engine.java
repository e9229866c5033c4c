package io.batchcall.internal;

import io.batchcall.BatchWaiting;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.DialGuard;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.Storage;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine step. {@link #runOnce()} does, in order: start due batches and adjust running or
 * paused ones to their windows, credit and deadlines; recover expired claims and stale calls
 * through the carrier; dial up to the free slots fairly across running batches; complete batches
 * with nothing left and spawn the next runs of recurring series; deliver new events to listeners.
 * Safe to run on several threads or nodes at once against one store.
 */
public final class Engine implements CallStatusSink {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Storage storage;
    private final Lifecycle lifecycle;
    private final Reconciler reconciler;
    private final DialRound dialRound;
    private final SeriesRunner series;
    private final CallOutcomes outcomes;
    private final EventPump events;
    private final BatchTransitions transitions;
    private final Credit credit;
    private final EngineSettings settings;
    private final EngineObserver observer;
    private final LeaseKeeper leases;
    private final Contacts contacts;
    private final Retention retention;
    private final Clock clock;

    public Engine(Storage storage, Telephony telephony, CreditLedger ledger, DialGuard guard, Clock clock,
            EngineSettings settings, ExecutorService dialPool, EngineObserver observer) {
        this.storage = storage;
        this.clock = clock;
        this.settings = settings;
        this.observer = observer;
        this.transitions = new BatchTransitions(storage.batches(), clock);
        this.credit = new Credit(ledger, settings.tariff());
        Settlement settlement = new Settlement(storage.calls(), storage.batches(), storage.recipients(), credit, clock,
                settings.settleGrace(), observer);
        this.outcomes = new CallOutcomes(storage.calls(), settlement, observer, clock,
                new MachineAnswers(storage.batches(), telephony));
        this.lifecycle = new Lifecycle(storage.batches(), storage.recipients(), storage.calls(), transitions, credit,
                clock);
        this.reconciler = new Reconciler(storage.calls(), storage.batches(), telephony, outcomes, credit, settlement,
                settings, clock);
        this.leases = new LeaseKeeper(storage.calls(), clock, settings.nodeName(), settings.lease());
        Dialer dialer = new Dialer(storage.calls(), telephony, credit, guard, clock, settings.carrierBackoff(), observer,
                leases);
        ContactStore contactStore = Contacts.of(storage);
        this.contacts = new Contacts(contactStore, clock);
        this.retention = new Retention(contactStore, settings.contact().retention(), settings.reconcileInterval(), clock);
        this.dialRound = new DialRound(storage.calls(), storage.recipients(), dialer, transitions, settings, clock,
                dialPool, observer, new ContactGate(storage.calls(), contactStore, clock));
        this.series = new SeriesRunner(storage.batches(), storage.recipients(), transitions, clock);
        this.events = new EventPump(storage.events(), observer);
        events.startAtEnd();
    }

    /** One step; returns the number of calls placed. */
    public int runOnce() {
        long started = System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        int placed = 0;
        placed += guarded("start due batches", failures, () -> {
            lifecycle.startDue();
            lifecycle.adjust();
            return 0;
        });
        placed += guarded("reconcile", failures, () -> {
            reconciler.run();
            return 0;
        });
        placed += guarded("dial", failures, () -> dialRound.run(running()));
        placed += guarded("complete and spawn", failures, () -> {
            lifecycle.completeFinished();
            series.step();
            return 0;
        });
        guarded("retention", failures, () -> {
            retention.step();
            return 0;
        });
        guarded("deliver events", failures, events::pump);
        try {
            observer.onEngineStep(Duration.ofNanos(System.nanoTime() - started),
                    failures.isEmpty() ? null : failures.get(0));
        } catch (Throwable e) {
            LOG.warn("engine observer failed", e);
        }
        return placed;
    }

    private List<Batch> running() {
        return AllBatches.oldestFirst(storage.batches(), BatchQuery.inStatus(EnumSet.of(BatchStatus.RUNNING), 1))
                .stream().filter(b -> !b.isSeriesParent()).toList();
    }

    /** Runs one part of the step; whatever it throws, an Error included, is logged and the step goes on. */
    private static int guarded(String what, List<Throwable> failures, IntSupplier part) {
        try {
            return part.getAsInt();
        } catch (Throwable e) {
            failures.add(e);
            LOG.error("engine step failed during '{}'; the next step tries again", what, e);
            return 0;
        }
    }

    @Override
    public boolean onCallStatus(CallStatusUpdate update) {
        return outcomes.onCallStatus(update);
    }

    /** Listens to the events of one account, or of every account when {@code account} is null. */
    public AutoCloseable subscribe(AccountId account, BatchListener listener) {
        return events.subscribe(account, listener);
    }

    /** Delivers pending events now (the loop also does this on its own cadence). */
    public int deliverEvents() {
        return events.pump();
    }

    /** Stops the engine's own threads (the lease heartbeat); the engine places no call after this. */
    public void close() {
        leases.close();
    }

    /**
     * Suppression entries, opt-outs and erasure of contact data, on this engine's storage and clock.
     *
     * @return the contact operations
     */
    public Contacts contacts() {
        return contacts;
    }

    /**
     * Why a batch is not dialing now, as the dial round decides it ({@link Waits}); empty when it may
     * dial. An account whose contact policy cannot be read is shown as the engine treats it: not dialing.
     *
     * @param b the batch as loaded
     * @return the reason, or empty
     */
    public Optional<BatchWaiting> waiting(Batch b) {
        ContactPolicy policy;
        try {
            policy = settings.contact().policies().policyOf(b.account());
        } catch (RuntimeException e) {
            policy = null;
        }
        Instant now = clock.instant();
        if (policy == null && b.status() == BatchStatus.RUNNING) {
            return Optional.of(new BatchWaiting(b.id(), BatchWaiting.Reason.CALLING_HOURS,
                    "the account's contact policy could not be read; the engine does not dial it", null));
        }
        Set<String> pending = b.status() == BatchStatus.RUNNING ? storage.recipients().pendingZoneKeys(b.id())
                : Set.of();
        return Waits.of(b, policy == null ? ContactPolicy.none() : policy, pending, now);
    }

    /** The effective settings of this engine. */
    public EngineSettings settings() {
        return settings;
    }

    BatchTransitions transitions() {
        return transitions;
    }

    SeriesRunner series() {
        return series;
    }

    boolean coversOneDial(AccountId account) {
        return credit.coversOneDial(account);
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }
}
