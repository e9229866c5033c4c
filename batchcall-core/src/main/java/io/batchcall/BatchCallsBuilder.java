package io.batchcall;

import io.batchcall.delivery.DeliverySettings;
import io.batchcall.delivery.internal.DeliveryRunner;
import io.batchcall.internal.BatchOperations;
import io.batchcall.internal.Dispositions;
import io.batchcall.internal.ContactSettings;
import io.batchcall.internal.Engine;
import io.batchcall.internal.EngineLoop;
import io.batchcall.internal.EngineSettings;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Tariff;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.spi.AccountLimitsProvider;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.ContactPolicyProvider;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.DialGuard;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.Storage;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures a {@link BatchCalls}. Defaults: UTC system clock, the default tariff (USD 0.005 per
 * dial), allow-all dial guard, 2-minute claim lease, stale-call lookup after 10 minutes, 1-second
 * poll, events every 200 ms, 8 dial threads, a random node name.
 */
public final class BatchCallsBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(BatchCallsBuilder.class);

    private final Storage storage;
    private final Telephony telephony;
    private final CreditLedger ledger;
    private Clock clock = Clock.systemUTC();
    private Tariff tariff = Tariff.ofDefaults();
    private DialGuard dialGuard = DialGuard.ALLOW_ALL;
    private final List<BatchListener> listeners = new ArrayList<>();
    private final List<EngineObserver> observers = new ArrayList<>();
    private String nodeName = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private Duration lease = Duration.ofMinutes(2);
    private Duration staleCallAfter = Duration.ofMinutes(10);
    private Duration carrierBackoff = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration eventInterval = Duration.ofMillis(200);
    private Duration shutdownWait = Duration.ofSeconds(10);
    private int claimChunk = 10;
    private int maxDialsPerStep = 500;
    private int dialThreads = 8;
    private ExecutorService dialExecutor;
    private double callsPerSecond;
    private Duration reconcileInterval = Duration.ofSeconds(5);
    private AccountLimitsProvider accountLimits = AccountLimitsProvider.uniform(AccountLimits.ofDefaults());
    private Duration settleGrace = Duration.ofSeconds(10);
    private DeliverySettings delivery = DeliverySettings.ofDefaults();
    private DoubleSupplier deliveryJitter = () -> ThreadLocalRandom.current().nextDouble();
    private ContactPolicyProvider contactPolicies = ContactPolicyProvider.NONE;
    private Duration retention;

    BatchCallsBuilder(Storage storage, Telephony telephony, CreditLedger ledger) {
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.telephony = Objects.requireNonNull(telephony, "telephony must not be null");
        this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
    }

    /**
     * The time source for every decision (windows, leases, schedules).
     *
     * @param value the clock; not null (default {@code Clock.systemUTC()})
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock must not be null");
        return this;
    }

    /**
     * Each account's concurrency cap and reserved slots; asked at every claim, so a change takes
     * effect at the next claim. Default: cap 20, nothing reserved, for every account.
     *
     * @param value asked for an account's limits; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder accountLimits(AccountLimitsProvider value) {
        this.accountLimits = Objects.requireNonNull(value, "accountLimits must not be null");
        return this;
    }

    /**
     * The same cap and reserved slots for every account.
     *
     * @param value the limits for every account; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder accountLimits(AccountLimits value) {
        return accountLimits(AccountLimitsProvider.uniform(value));
    }

    /**
     * Each account's contact policy (calling-hours floor, blackout dates, frequency cap, suppression
     * check); asked at every claim. Default {@link ContactPolicyProvider#NONE}: no floor, no
     * blackout date, no cap, the suppression list checked.
     *
     * @param value asked for an account's policy; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder contactPolicies(ContactPolicyProvider value) {
        this.contactPolicies = Objects.requireNonNull(value, "contactPolicies must not be null");
        return this;
    }

    /**
     * The same contact policy for every account.
     *
     * @param value the policy of every account; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder contactPolicy(ContactPolicy value) {
        return contactPolicies(ContactPolicyProvider.uniform(value));
    }

    /**
     * How long the events and attempts of finished (completed, cancelled, failed) batches are kept;
     * older ones are purged a few hundred rows at a time by the engine step, without blocking
     * dialing. Batches, recipients, counts and the ledger are kept. Default: kept forever.
     *
     * @param value 1 day to 100 years, or null to keep everything
     * @return this builder
     * @throws IllegalArgumentException if value is outside 1 day to 100 years
     */
    public BatchCallsBuilder retention(Duration value) {
        this.retention = value == null ? null
                : within("retention", value, Duration.ofDays(1), Duration.ofDays(36_525));
        return this;
    }

    /**
     * How long an ended call is left to the node that received its end before the settlement
     * sweep (run with reconciliation) captures its cost; 0 to 10 min, default 10 s.
     *
     * @param value the grace period
     * @return this builder
     * @throws IllegalArgumentException if value is outside 0 to 10 min
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder settleGrace(Duration value) {
        this.settleGrace = within("settleGrace", value, Duration.ZERO, Duration.ofMinutes(10));
        return this;
    }

    /**
     * What a dial costs: fee plus per-minute rate (default USD 0.005 per dial, nothing per minute).
     *
     * @param value the tariff; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder tariff(Tariff value) {
        this.tariff = Objects.requireNonNull(value, "tariff must not be null");
        return this;
    }

    /**
     * The host's last say before each dial (do-not-call lists, consent); default allows every dial.
     * Called on the engine thread right before the carrier is asked; a refusal or an exception skips
     * the recipient with the reason.
     *
     * @param value the guard; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder dialGuard(DialGuard value) {
        this.dialGuard = Objects.requireNonNull(value, "dialGuard must not be null");
        return this;
    }

    /**
     * Adds a listener for the events of every batch of every account; several may be added. Events are
     * delivered on the loop's event thread every {@link #eventInterval(Duration)}.
     *
     * @param value the listener; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder listener(BatchListener value) {
        listeners.add(Objects.requireNonNull(value, "listener must not be null"));
        return this;
    }

    /**
     * Adds an observer of dials, outcomes, carrier errors, claims, steps, imports, events and
     * settlements (for metrics); several may be added. See {@link EngineObserver} for the threads
     * it is called on; an observer that throws is logged and never disturbs the engine.
     *
     * @param value the observer; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder observer(EngineObserver value) {
        observers.add(Objects.requireNonNull(value, "observer must not be null"));
        return this;
    }

    /**
     * Names this engine node in claims, logs and thread names.
     *
     * @param value 1-64 characters of letters, digits and {@code . _ -} (default {@code node-} and 8 random
     *     hex digits)
     * @return this builder
     * @throws IllegalArgumentException if value is null or breaks that rule
     */
    public BatchCallsBuilder nodeName(String value) {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("nodeName must be 1-64 characters of letters, digits and . _ -, but was '"
                    + value + "'");
        }
        this.nodeName = value;
        return this;
    }

    /**
     * How long a claim may stay unplaced before another node reconciles it; 10 s to 1 h.
     *
     * @param value the lease (default 2 min)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 10 s to 1 h
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder lease(Duration value) {
        this.lease = within("lease", value, Duration.ofSeconds(10), Duration.ofHours(1));
        return this;
    }

    /**
     * After how long without news a placed call is looked up at the carrier; 1 min to 1 day.
     *
     * @param value the delay (default 10 min)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 1 min to 1 day
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder staleCallAfter(Duration value) {
        this.staleCallAfter = within("staleCallAfter", value, Duration.ofMinutes(1), Duration.ofDays(1));
        return this;
    }

    /**
     * Delay before re-dialing after the carrier said "try later" without a hint; 1 s to 1 h.
     *
     * @param value the delay (default 30 s)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 1 s to 1 h
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder carrierBackoff(Duration value) {
        this.carrierBackoff = within("carrierBackoff", value, Duration.ofSeconds(1), Duration.ofHours(1));
        return this;
    }

    /**
     * How often expired claims and silent calls are looked for (clock time); 0 to 10 min.
     *
     * @param value the interval (default 5 s); 0 reconciles at every step
     * @return this builder
     * @throws IllegalArgumentException if value is outside 0 to 10 min
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder reconcileInterval(Duration value) {
        this.reconcileInterval = within("reconcileInterval", value, Duration.ZERO, Duration.ofMinutes(10));
        return this;
    }

    /**
     * How often the loop runs a step; 10 ms to 1 min.
     *
     * @param value the interval (default 1 s)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 10 ms to 1 min
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder pollInterval(Duration value) {
        this.pollInterval = within("pollInterval", value, Duration.ofMillis(10), Duration.ofMinutes(1));
        return this;
    }

    /**
     * How often the loop delivers events to listeners; 10 ms to 1 min.
     *
     * @param value the interval (default 200 ms)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 10 ms to 1 min
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder eventInterval(Duration value) {
        this.eventInterval = within("eventInterval", value, Duration.ofMillis(10), Duration.ofMinutes(1));
        return this;
    }

    /**
     * How long {@link BatchCalls#close()} waits for the loop and the engine-owned dial threads to stop.
     *
     * @param value the bounded wait (default 10 s)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 0 to 10 min
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder shutdownWait(Duration value) {
        this.shutdownWait = within("shutdownWait", value, Duration.ZERO, Duration.ofMinutes(10));
        return this;
    }

    /**
     * Recipients claimed per batch per round, for fairness between batches; 1 to 1000.
     *
     * @param value recipients per batch per round (default 10)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 1-1000
     */
    public BatchCallsBuilder claimChunk(int value) {
        this.claimChunk = between("claimChunk", value, 1, 1000);
        return this;
    }

    /**
     * The most calls one step places; 1 to 100000.
     *
     * @param value the most dials per step (default 500)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 1-100000
     */
    public BatchCallsBuilder maxDialsPerStep(int value) {
        this.maxDialsPerStep = between("maxDialsPerStep", value, 1, 100_000);
        return this;
    }

    /**
     * Threads that place calls concurrently (carrier requests block); 1 to 256.
     *
     * @param value the thread count (default 8); ignored when a {@link #dialExecutor} is given
     * @return this builder
     * @throws IllegalArgumentException if value is outside 1-256
     */
    public BatchCallsBuilder dialThreads(int value) {
        this.dialThreads = between("dialThreads", value, 1, 256);
        return this;
    }

    /**
     * Paces dials per from-number on this node (carriers limit calls per second; Twilio's default
     * is 1). 0, the default, places dials as fast as slots allow. On several nodes, give each node
     * its share of the carrier's limit.
     *
     * @param value dials per second per from-number, 0 to 1000 (default 0: unpaced)
     * @return this builder
     * @throws IllegalArgumentException if value is outside 0-1000 or NaN
     */
    public BatchCallsBuilder callsPerSecond(double value) {
        if (!(value >= 0 && value <= 1000)) {
            throw new IllegalArgumentException("callsPerSecond must be between 0 and 1000, but was " + value);
        }
        this.callsPerSecond = value;
        return this;
    }

    /**
     * Places calls on the host's executor instead of engine-owned threads (not shut down by close).
     *
     * @param value the host's executor; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder dialExecutor(ExecutorService value) {
        this.dialExecutor = Objects.requireNonNull(value, "dialExecutor must not be null");
        return this;
    }

    /**
     * How durable consumers and webhooks are delivered: attempts before a dead letter, backoff,
     * lease, poll, threads, HTTP timeouts (default {@link DeliverySettings#ofDefaults()}).
     *
     * @param value the settings; not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder delivery(DeliverySettings value) {
        this.delivery = Objects.requireNonNull(value, "delivery must not be null");
        return this;
    }

    /**
     * The random source placing each retry within its backoff (default: a uniform random number);
     * tests pass a fixed one to make retry times deterministic.
     *
     * @param value returns numbers in [0, 1); not null
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public BatchCallsBuilder deliveryJitter(DoubleSupplier value) {
        this.deliveryJitter = Objects.requireNonNull(value, "deliveryJitter must not be null");
        return this;
    }

    /**
     * Builds the engine with the defaults filled in and logs the effective configuration once. The
     * loop is not started here; see {@link BatchCalls}.
     *
     * @return the new engine
     */
    public BatchCalls build() {
        boolean owns = dialExecutor == null;
        ExecutorService pool = owns ? EngineLoop.dialPool(nodeName, dialThreads) : dialExecutor;
        EngineSettings settings = new EngineSettings(nodeName, tariff, lease, staleCallAfter, carrierBackoff,
                claimChunk, maxDialsPerStep, dialThreads, callsPerSecond, reconcileInterval, accountLimits, settleGrace,
                new ContactSettings(contactPolicies, retention));
        EngineHealth.Tracker health = new EngineHealth.Tracker(clock);
        List<EngineObserver> all = new ArrayList<>(observers);
        all.add(health);
        EngineObserver observer = new SafeObservers(all);
        Engine engine = new Engine(storage, telephony, ledger, dialGuard, clock, settings, pool, observer);
        listeners.forEach(l -> engine.subscribe(null, l));
        EngineLoop loop = new EngineLoop(engine, nodeName, pollInterval, eventInterval, shutdownWait, pool, owns);
        LOG.info("batchcall {}: tariff {} + {}/min (hold {} min), lease {}, stale after {}, poll {}, {} dial threads, "
                + "{} calls/s per from-number", nodeName, tariff.dialFee(), tariff.perMinute(), tariff.holdMinutes(),
                lease, staleCallAfter, pollInterval, owns ? dialThreads : "host",
                callsPerSecond == 0 ? "unpaced" : callsPerSecond);
        DeliveryRunner deliveries = new DeliveryRunner(storage, clock, delivery, nodeName, deliveryJitter, shutdownWait);
        return new BatchCalls(storage, engine, new BatchOperations(storage, engine, clock), loop, observer, health,
                new Dispositions(storage, clock, engine.contacts()), deliveries);
    }

    private static Duration within(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }

    private static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }
}
