package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import io.batchcall.spi.TelephonyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fake carrier for demos, tests and load runs. Each placed call gets an outcome (from a
 * weighted mix, or scripted per number), ring and talk times, and a timeline of status events
 * (ringing, in_progress, then the terminal status) that are delivered to the connected
 * {@link CallStatusSink} when they fall due on the clock: call {@link #deliverDue()} after
 * advancing a test clock, or {@link #start(Duration)} a delivery thread for real time. Events can
 * be delivered out of order or twice, terminal events can be lost, and placements can be made to
 * fail, to exercise the engine's handling. It records every dial, per number, and the most calls
 * active at once per account, so tests can prove "never dialed twice" and "never over the cap".
 * Thread-safe.
 */
public final class SimulatedTelephony implements Telephony, AutoCloseable {
    private final Clock clock;
    private final SimulationSettings settings;
    private final Random random;
    private final PriorityQueue<Scheduled> due = new PriorityQueue<>();
    private final Map<AttemptId, SimulatedCall> byAttempt = new HashMap<>();
    private final Map<String, SimulatedCall> byCallId = new HashMap<>();
    private final Map<PhoneNumber, Integer> dials = new HashMap<>();
    private final Map<PhoneNumber, SimulatedOutcome> scripted = new HashMap<>();
    private final Map<PhoneNumber, TelephonyException> placementErrors = new HashMap<>();
    private final Map<AccountId, Integer> active = new HashMap<>();
    private final Map<AccountId, Integer> maxActive = new HashMap<>();
    private final List<CallRequest> placed = new ArrayList<>();
    private volatile CallStatusSink sink;
    private long sequence;
    private boolean loseTerminalEvents;
    private ScheduledExecutorService deliveryThread;
    private volatile ExecutorService deliveryPool;

    /**
     * A simulated carrier. Nothing is delivered until {@link #connect} names the sink.
     *
     * @param clock times placements and when events fall due; a test clock for unit tests
     * @param settings outcome mix, ring and talk ranges, quirks and seed
     */
    public SimulatedTelephony(Clock clock, SimulationSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /**
     * Where status events go: normally {@code batchCalls.statusSink()}.
     *
     * @param target the sink; not null
     */
    public void connect(CallStatusSink target) {
        this.sink = target;
    }

    /**
     * Every call to {@code number} from now on ends with {@code outcome}.
     *
     * @param number the number
     * @param outcome how its calls end, instead of the random mix
     */
    public synchronized void script(PhoneNumber number, SimulatedOutcome outcome) {
        scripted.put(number, outcome);
    }

    /**
     * The next placement to {@code number} throws {@code error} (once).
     *
     * @param number the number
     * @param error thrown by the next {@code place} to it
     */
    public synchronized void failNextPlacement(PhoneNumber number, TelephonyException error) {
        placementErrors.put(number, error);
    }

    /**
     * While true, terminal events are never delivered (the carrier still knows them for lookup).
     *
     * @param lose true to withhold terminal events, false to deliver them again
     */
    public synchronized void loseTerminalEvents(boolean lose) {
        this.loseTerminalEvents = lose;
    }

    @Override
    public PlacedCall place(CallRequest request) {
        SimulatedCall call;
        synchronized (this) {
            TelephonyException error = placementErrors.remove(request.to());
            if (error != null) {
                throw error;
            }
            Instant now = clock.instant();
            SimulatedOutcome outcome = scripted.getOrDefault(request.to(), settings.pick(random));
            call = new SimulatedCall("SIM" + (++sequence), request, outcome, now,
                    settings.ringTime(random, request.ringTimeout(), outcome), settings.talkTime(random, outcome));
            byAttempt.put(request.attemptId(), call);
            byCallId.put(call.callId(), call);
            placed.add(request);
            dials.merge(request.to(), 1, Integer::sum);
            int nowActive = active.merge(request.account(), 1, Integer::sum);
            maxActive.merge(request.account(), nowActive, Math::max);
            for (CallStatusUpdate u : call.timeline()) {
                due.add(new Scheduled(u.at(), sequence * 8 + due.size(), u, call));
            }
        }
        return new PlacedCall(call.callId());
    }

    @Override
    public synchronized Optional<CallInfo> lookup(LookupRequest request) {
        SimulatedCall call = byAttempt.get(request.attemptId());
        if (call == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(new CallInfo(call.callId(), call.statusAt(now), call.talkTimeAt(now)));
    }

    @Override
    public synchronized void hangUp(String providerCallId) {
        SimulatedCall call = byCallId.get(providerCallId);
        if (call != null && call.hangUp(clock.instant())) {
            due.removeIf(s -> s.call() == call);
            due.add(new Scheduled(call.endedAt(), ++sequence * 8, call.terminal(), call));
        }
    }

    /**
     * Delivers every event due by the clock's current instant (in due order, or shuffled among
     * themselves if the settings say so). Returns how many were delivered.
     *
     * @return how many events were delivered
     */
    public int deliverDue() {
        List<Scheduled> batch = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
                Scheduled s = due.poll();
                if (s.update().status().isTerminal()) {
                    active.merge(s.call().request().account(), -1, Integer::sum);
                    if (loseTerminalEvents) {
                        continue;
                    }
                }
                batch.add(s);
            }
            if (settings.outOfOrder()) {
                Collections.shuffle(batch, random);
            }
        }
        CallStatusSink target = sink;
        if (target == null) {
            return 0;
        }
        ExecutorService pool = deliveryPool;
        if (pool == null) {
            deliver(target, batch);
            return batch.size();
        }
        // Like webhooks on many server threads: calls in parallel, each call's events in order.
        Map<SimulatedCall, List<Scheduled>> byCall = new java.util.LinkedHashMap<>();
        for (Scheduled s : batch) {
            byCall.computeIfAbsent(s.call(), k -> new ArrayList<>()).add(s);
        }
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (List<Scheduled> events : byCall.values()) {
            tasks.add(() -> {
                deliver(target, events);
                return null;
            });
        }
        try {
            pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return batch.size();
    }

    private void deliver(CallStatusSink target, List<Scheduled> events) {
        for (Scheduled s : events) {
            target.onCallStatus(s.update());
            if (settings.duplicates()) {
                target.onCallStatus(s.update());
            }
        }
    }

    /**
     * Delivers due events every {@code tick} on a daemon thread, for real-time runs.
     *
     * @param tick the delivery interval
     */
    public synchronized void start(Duration tick) {
        start(tick, 1);
    }

    /**
     * Delivers due events every {@code tick}, handing different calls' events to
     * {@code deliveryThreads} threads at once (as a carrier's webhooks reach a server on many
     * threads); the events of one call stay in order.
     *
     * @param tick the delivery interval
     * @param deliveryThreads threads delivering events concurrently
     */
    public synchronized void start(Duration tick, int deliveryThreads) {
        if (deliveryThreads > 1 && deliveryPool == null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            deliveryPool = Executors.newFixedThreadPool(deliveryThreads, r -> {
                Thread t = new Thread(r, "batchcall-simulated-webhook-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        if (deliveryThread == null) {
            deliveryThread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "batchcall-simulated-carrier");
                t.setDaemon(true);
                return t;
            });
            deliveryThread.scheduleWithFixedDelay(this::deliverDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (deliveryThread != null) {
            deliveryThread.shutdownNow();
            deliveryThread = null;
        }
        if (deliveryPool != null) {
            deliveryPool.shutdownNow();
            deliveryPool = null;
        }
    }

    /**
     * Every call placed, in order.
     *
     * @return a copy of the placed calls' requests
     */
    public synchronized List<CallRequest> placedCalls() {
        return List.copyOf(placed);
    }

    /**
     * How many times each number was dialed.
     *
     * @return a copy of the counts, by number
     */
    public synchronized Map<PhoneNumber, Integer> dialsPerNumber() {
        return Map.copyOf(dials);
    }

    /**
     * Calls of the account up at the carrier now (placed and not yet ended).
     *
     * @param account the account
     * @return its calls up now
     */
    public synchronized int activeCalls(AccountId account) {
        return active.getOrDefault(account, 0);
    }

    /**
     * The most calls of the account that were up at the same time.
     *
     * @param account the account
     * @return the peak of its concurrent calls so far
     */
    public synchronized int maxConcurrent(AccountId account) {
        return maxActive.getOrDefault(account, 0);
    }

    /**
     * Events not yet delivered.
     *
     * @return the number of events waiting to fall due or to be delivered
     */
    public synchronized int undelivered() {
        return due.size();
    }

    private record Scheduled(Instant at, long order, CallStatusUpdate update, SimulatedCall call)
            implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
