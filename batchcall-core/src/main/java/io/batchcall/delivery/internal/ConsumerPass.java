package io.batchcall.delivery.internal;

import io.batchcall.delivery.DeliveryRules;
import io.batchcall.delivery.DeliverySettings;
import io.batchcall.delivery.EventHandler;
import io.batchcall.delivery.LeaseRules;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.DeadLetterRow;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import io.batchcall.spi.SubscriptionState.Progress;
import io.batchcall.spi.SubscriptionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass of one subscription on this node: take or keep the lease (core decides, the
 * store applies "if still at version X"), deliver requested redeliveries of dead letters, then the
 * events after the stored cursor in sequence order, storing the cursor after each acknowledged
 * event. A failure stores the retry time the core chose and ends the pass; the last allowed
 * failure dead-letters the event and moves on. A write refused by the guard means the lease was
 * taken over: the pass stops at once and writes nothing more.
 */
final class ConsumerPass {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerPass.class);
    private static final int MAX_PAGES = 10;

    private final SubscriptionStore store;
    private final EventLog events;
    private final Clock clock;
    private final DeliverySettings settings;
    private final String node;
    private final DoubleSupplier jitter;
    private final BooleanSupplier stopping;

    ConsumerPass(SubscriptionStore store, EventLog events, Clock clock, DeliverySettings settings, String node,
            DoubleSupplier jitter, BooleanSupplier stopping) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.jitter = jitter;
        this.stopping = stopping;
    }

    /** Runs the pass; returns the events acknowledged (delivered, or redelivered from the dead letters). */
    int run(SubscriptionKey key, long startCursor, EventHandler handler) {
        Instant now = clock.instant();
        SubscriptionState row = store.open(key, startCursor);
        switch (LeaseRules.decide(row, node, now)) {
            case WAIT:
                return 0;
            case TAKE:
                Optional<SubscriptionState> taken = store.take(key, row.version(), node, now.plus(settings.lease()));
                if (taken.isEmpty()) {
                    return 0; // another node was quicker
                }
                if (row.owner() != null && !row.owner().equals(node)) {
                    LOG.info("subscription {} taken over from {} (lease ended {}) at cursor {}", key, row.owner(),
                            row.leaseUntil(), row.cursor());
                }
                row = taken.get();
                break;
            default:
                break;
        }
        int acked = redeliver(key, handler);
        for (int page = 0; page < MAX_PAGES && !stopping.getAsBoolean(); page++) {
            now = clock.instant();
            if (row.retryAt() != null && now.isBefore(row.retryAt())) {
                renewIfDue(key, row, now);
                return acked;
            }
            List<StatusEvent> batch = events.after(key.account(), row.cursor(), settings.pageSize());
            if (batch.isEmpty()) {
                renewIfDue(key, row, now);
                return acked;
            }
            for (StatusEvent e : batch) {
                if (stopping.getAsBoolean()) {
                    return acked;
                }
                String error = attempt(handler, e);
                if (error != null && Thread.currentThread().isInterrupted()) {
                    return acked; // shutting down: the event is offered again, not counted as a failure
                }
                now = clock.instant();
                Instant lease = now.plus(settings.lease());
                if (error == null) {
                    Progress p = new Progress(e.sequence(), 0, null, lease);
                    if (!store.advance(key, node, row.version(), p)) {
                        return lost(key, acked);
                    }
                    row = row.with(p);
                    acked++;
                    continue;
                }
                int failures = row.failures() + 1;
                DeliveryRules.Next next = DeliveryRules.afterFailure(failures, settings, now, jitter.getAsDouble());
                if (next.deadLetter()) {
                    Progress p = new Progress(e.sequence(), 0, null, lease);
                    if (!store.deadLetter(key, node, row.version(), e.sequence(), failures, DeadLetterRow.clip(error),
                            now, p)) {
                        return lost(key, acked);
                    }
                    LOG.warn("subscription {} gave up on event {} after {} failures: {}", key, e.sequence(), failures,
                            error);
                    row = row.with(p);
                    continue;
                }
                Progress p = new Progress(row.cursor(), failures, next.retryAt(), lease);
                if (!store.advance(key, node, row.version(), p)) {
                    return lost(key, acked);
                }
                LOG.debug("subscription {} event {} failed ({} of {}), next try at {}: {}", key, e.sequence(), failures,
                        settings.maxAttempts(), next.retryAt(), error);
                return acked;
            }
            if (batch.size() < settings.pageSize()) {
                return acked;
            }
        }
        return acked;
    }

    /** Offers again each dead letter the host asked for; a success removes it, a failure keeps it. */
    private int redeliver(SubscriptionKey key, EventHandler handler) {
        int acked = 0;
        for (DeadLetterRow d : store.deadLetters(key, true, 0, settings.pageSize())) {
            if (stopping.getAsBoolean()) {
                break;
            }
            List<StatusEvent> found = events.after(key.account(), d.sequence() - 1, 1);
            String error = found.isEmpty() || found.get(0).sequence() != d.sequence()
                    ? "event " + d.sequence() + " is not in the log" : attempt(handler, found.get(0));
            store.redelivered(key, d.id(), error == null, error == null ? null : DeadLetterRow.clip(error),
                    clock.instant());
            if (error == null) {
                acked++;
            }
        }
        return acked;
    }

    private void renewIfDue(SubscriptionKey key, SubscriptionState row, Instant now) {
        if (LeaseRules.renewDue(row, now, settings.lease())) {
            store.advance(key, node, row.version(), new Progress(row.cursor(), row.failures(), row.retryAt(),
                    now.plus(settings.lease())));
        }
    }

    private int lost(SubscriptionKey key, int acked) {
        LOG.info("subscription {}: this node ({}) lost its lease; another node delivers from its stored cursor", key,
                node);
        return acked;
    }

    /** Null when the handler took the event, else what went wrong. */
    private static String attempt(EventHandler handler, StatusEvent e) {
        try {
            handler.handle(e);
            return null;
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Throwable x) { // a handler's failure of any kind is "not acknowledged"
            String m = x.getMessage();
            return x instanceof WebhookSender.WebhookFailure ? m : x.getClass().getName() + (m == null ? "" : ": " + m);
        }
    }
}
