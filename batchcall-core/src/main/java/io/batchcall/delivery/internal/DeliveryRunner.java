package io.batchcall.delivery.internal;

import io.batchcall.NotFoundException;
import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.DeliverySettings;
import io.batchcall.delivery.EventHandler;
import io.batchcall.delivery.StartAt;
import io.batchcall.delivery.Webhook;
import io.batchcall.delivery.WebhookUrls;
import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.DeadLetterRow;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.Storage;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import io.batchcall.spi.SubscriptionStore;
import io.batchcall.spi.WebhookRegistration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every durable consumer this node knows (the handlers registered here and every account's
 * webhooks, read from the store) on its own threads, never on the engine's: one scheduler thread
 * looks every poll interval and hands each subscription that is not already in flight here to a
 * fixed pool, so each subscription has at most one delivery in flight on this node and the work
 * queued is bounded by the number of subscriptions. Across nodes the lease makes one node at a time
 * deliver each subscription. {@link #runOnce()} does one pass on the calling thread (tests, hosts
 * with their own scheduler). {@link #close()} stops the threads and releases the leases held.
 */
public final class DeliveryRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRunner.class);

    private final Storage storage;
    private final Clock clock;
    private final DeliverySettings settings;
    private final String node;
    private final DoubleSupplier jitter;
    private final Duration shutdownWait;
    private final Map<SubscriptionKey, Local> handlers = new ConcurrentHashMap<>();
    private final Set<SubscriptionKey> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<SubscriptionKey, Boolean> touched = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private ExecutorService http;
    private WebhookSender sender;

    /** A handler registered on this node. */
    private record Local(long startCursor, EventHandler handler) {
    }

    public DeliveryRunner(Storage storage, Clock clock, DeliverySettings settings, String node, DoubleSupplier jitter,
            Duration shutdownWait) {
        this.storage = storage;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.jitter = jitter;
        this.shutdownWait = shutdownWait;
    }

    public DeliverySettings settings() {
        return settings;
    }

    private SubscriptionStore store() {
        return storage.subscriptions();
    }

    private EventLog events() {
        return storage.events();
    }

    // --- consumers ---

    /** Registers a handler for a subscription on this node; the handle's close unregisters it and releases its lease. */
    public AutoCloseable consume(SubscriptionKey key, StartAt start, EventHandler handler) {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(handler, "handler must not be null");
        if (key.consumer().startsWith("webhook-")) {
            throw new IllegalArgumentException("consumer names starting with 'webhook-' are reserved for webhooks, but "
                    + "was '" + key.consumer() + "'");
        }
        long cursor = start == StartAt.OLDEST ? 0 : events().latest(key.account());
        SubscriptionState row = store().open(key, cursor);
        Local local = new Local(row.cursor(), handler);
        if (handlers.putIfAbsent(key, local) != null) {
            throw new IllegalStateException("subscription " + key + " already has a handler on this node");
        }
        return () -> {
            if (handlers.remove(key, local)) {
                release(key);
            }
        };
    }

    // --- webhooks ---

    public Webhook register(AccountId account, String url, String secret) {
        var uri = WebhookUrls.check(url);
        WebhookUrls.checkSecret(secret);
        WebhookRegistration r = storage.webhooks().add(account, uri, secret, clock.instant());
        store().open(new SubscriptionKey(Webhook.consumerOf(r.id()), account), events().latest(account));
        return view(r);
    }

    public List<Webhook> webhooks(AccountId account) {
        return storage.webhooks().list(account).stream().map(DeliveryRunner::view).toList();
    }

    public boolean removeWebhook(AccountId account, long id) {
        return storage.webhooks().remove(account, id);
    }

    /** The webhook's consumer, if the account has that webhook. */
    public SubscriptionKey webhookKey(AccountId account, long id) {
        for (WebhookRegistration r : storage.webhooks().list(account)) {
            if (r.id() == id) {
                return new SubscriptionKey(Webhook.consumerOf(id), account);
            }
        }
        throw new NotFoundException("webhook " + id + " of account " + account + " does not exist");
    }

    private static Webhook view(WebhookRegistration r) {
        return new Webhook(r.id(), r.account(), r.url(), r.createdAt(), Webhook.consumerOf(r.id()));
    }

    // --- dead letters ---

    public List<DeadLetter> deadLetters(SubscriptionKey key, long afterId, int limit) {
        List<DeadLetter> out = new ArrayList<>();
        for (DeadLetterRow d : store().deadLetters(key, false, afterId, limit)) {
            List<StatusEvent> e = events().after(key.account(), d.sequence() - 1, 1);
            if (!e.isEmpty() && e.get(0).sequence() == d.sequence()) {
                out.add(new DeadLetter(d.id(), key.consumer(), e.get(0), d.attempts(), d.lastError(), d.deadAt(),
                        d.redeliver()));
            }
        }
        return out;
    }

    /** Asks for one dead letter (or all, {@code id} 0) to be delivered again by the lease holder. */
    public int redeliver(SubscriptionKey key, long id) {
        int n = store().requestRedelivery(key, id);
        if (id != 0 && n == 0) {
            throw new NotFoundException("dead letter " + id + " of " + key + " does not exist");
        }
        return n;
    }

    // --- running ---

    /** One pass over every subscription on the calling thread; returns the events acknowledged. */
    public int runOnce() {
        int acked = 0;
        for (Map.Entry<SubscriptionKey, Work> w : work().entrySet()) {
            acked += runGuarded(w.getKey(), w.getValue());
        }
        return acked;
    }

    /** What to run: local handlers and every registered webhook. */
    private record Work(long startCursor, EventHandler handler) {
    }

    private Map<SubscriptionKey, Work> work() {
        Map<SubscriptionKey, Work> out = new LinkedHashMap<>();
        handlers.forEach((k, l) -> out.put(k, new Work(l.startCursor(), l.handler())));
        List<WebhookRegistration> hooks;
        try {
            hooks = storage.webhooks().all();
        } catch (UnsupportedOperationException e) {
            hooks = List.of();
        }
        for (WebhookRegistration r : hooks) {
            out.put(new SubscriptionKey(Webhook.consumerOf(r.id()), r.account()),
                    new Work(0, e -> sender().deliver(r, e)));
        }
        return out;
    }

    private int runGuarded(SubscriptionKey key, Work w) {
        if (closed || !inFlight.add(key)) {
            return 0;
        }
        try {
            touched.put(key, Boolean.TRUE);
            return new ConsumerPass(store(), events(), clock, settings, node, jitter, () -> closed)
                    .run(key, w.startCursor(), w.handler());
        } catch (RuntimeException e) {
            LOG.warn("delivery pass of {} failed; the next pass tries again", key, e);
            return 0;
        } finally {
            inFlight.remove(key);
        }
    }

    private synchronized WebhookSender sender() {
        if (sender == null) {
            http = Executors.newCachedThreadPool(named("batchcall-http-" + node));
            sender = new WebhookSender(clock, settings.connectTimeout(), settings.requestTimeout(), http);
        }
        return sender;
    }

    /** Starts the scheduler and the delivery pool, unless the storage keeps no subscriptions. */
    public synchronized void start() {
        if (closed || scheduler != null) {
            return;
        }
        try {
            storage.subscriptions();
        } catch (UnsupportedOperationException e) {
            LOG.info("batchcall {}: the storage keeps no subscriptions; durable delivery is off", node);
            return;
        }
        workers = Executors.newFixedThreadPool(settings.threads(), named("batchcall-deliver-" + node));
        scheduler = Executors.newSingleThreadScheduledExecutor(named("batchcall-delivery-" + node));
        scheduler.scheduleWithFixedDelay(this::tick, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            for (Map.Entry<SubscriptionKey, Work> w : work().entrySet()) {
                if (!inFlight.contains(w.getKey())) {
                    workers.execute(() -> runGuarded(w.getKey(), w.getValue()));
                }
            }
        } catch (RejectedExecutionException e) {
            // closing
        } catch (Throwable e) { // nothing may end the schedule
            LOG.warn("delivery scheduling failed; will try again", e);
        }
    }

    @Override
    public void close() {
        ExecutorService s;
        ExecutorService w;
        ExecutorService h;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = scheduler;
            w = workers;
            h = http;
        }
        stop(s);
        stop(w);
        for (SubscriptionKey key : touched.keySet()) {
            release(key);
        }
        stop(h);
    }

    private void release(SubscriptionKey key) {
        try {
            store().find(key).filter(r -> node.equals(r.owner()))
                    .ifPresent(r -> store().release(key, node, r.version()));
        } catch (RuntimeException e) {
            LOG.warn("releasing the lease of {} failed; it expires by itself", key, e);
        }
    }

    private void stop(ExecutorService pool) {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
