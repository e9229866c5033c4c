package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.EventLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the store's event log, account by account, from where this engine started and hands
 * each event to the subscribed listeners: in order within an account (accounts are independent
 * logs). Events written by other nodes sharing the store arrive the same way. A listener that
 * throws anything, an {@link Error} included, is logged and does not stop delivery.
 */
final class EventPump {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
    private static final int PAGE = 1000;

    private final EventLog log;
    private final EngineObserver observer;
    private final List<Subscription> listeners = new CopyOnWriteArrayList<>();
    private final Map<AccountId, Long> cursors = new HashMap<>();
    private boolean started;

    /** One listener, of one account's events or (account null) of every account's. */
    private record Subscription(AccountId account, BatchListener listener) {
    }

    EventPump(EventLog log, EngineObserver observer) {
        this.log = log;
        this.observer = observer;
    }

    /** Starts following from the log's current end: earlier events are not delivered. */
    synchronized void startAtEnd() {
        if (!started) {
            cursors.putAll(log.heads());
            started = true;
        }
    }

    AutoCloseable subscribe(AccountId account, BatchListener listener) {
        Subscription s = new Subscription(account, Objects.requireNonNull(listener, "listener must not be null"));
        listeners.add(s);
        return () -> listeners.remove(s);
    }

    /** Delivers every event visible now; returns how many. */
    synchronized int pump() {
        startAtEnd();
        int delivered = 0;
        int calls = 0;
        for (Map.Entry<AccountId, Long> head : log.heads().entrySet()) {
            AccountId account = head.getKey();
            long cursor = cursors.getOrDefault(account, 0L);
            while (cursor < head.getValue()) {
                List<StatusEvent> events = log.after(account, cursor, PAGE);
                for (StatusEvent e : events) {
                    calls += deliver(e);
                    cursor = e.sequence();
                    delivered++;
                }
                cursors.put(account, cursor);
                if (events.size() < PAGE) {
                    break;
                }
            }
        }
        if (delivered > 0) {
            observer.onEvents(delivered, calls);
        }
        return delivered;
    }

    /** Hands one event to every listener that wants it; returns how many took it without failing. */
    private int deliver(StatusEvent e) {
        int ok = 0;
        for (Subscription s : listeners) {
            if (s.account() != null && !s.account().equals(e.account())) {
                continue;
            }
            try {
                if (e.isBatchEvent()) {
                    s.listener().onBatchEvent(e);
                } else {
                    s.listener().onRecipientEvent(e);
                }
                ok++;
            } catch (Throwable ex) { // a listener must never stop delivery, whatever it throws
                LOG.warn("listener {} failed on event {}/{}", s.listener(), e.account(), e.sequence(), ex);
            }
        }
        return ok;
    }
}
