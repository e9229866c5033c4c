package io.batchcall.internal;

import io.batchcall.model.StatusEvent;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.EventLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the store's event log from where this engine started and hands each event, in order,
 * to the subscribed listeners. Events written by other nodes sharing the store arrive the same way.
 */
final class EventPump {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
    private static final int PAGE = 1000;

    private final EventLog log;
    private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
    private final EngineObserver observer;
    private long cursor;

    EventPump(EventLog log, EngineObserver observer) {
        this.log = log;
        this.observer = observer;
        this.cursor = log.latest();
    }

    AutoCloseable subscribe(BatchListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Delivers every event visible now; returns how many. */
    synchronized int pump() {
        int delivered = 0;
        int calls = 0;
        while (true) {
            List<StatusEvent> events = log.after(cursor, PAGE);
            for (StatusEvent e : events) {
                calls += deliver(e);
                cursor = e.sequence();
                delivered++;
            }
            if (events.size() < PAGE) {
                if (delivered > 0) {
                    observer.onEvents(delivered, calls);
                }
                return delivered;
            }
        }
    }

    private int deliver(StatusEvent e) {
        int ok = 0;
        for (BatchListener l : listeners) {
            try {
                if (e.isBatchEvent()) {
                    l.onBatchEvent(e);
                } else {
                    l.onRecipientEvent(e);
                }
                ok++;
            } catch (RuntimeException ex) {
                LOG.warn("listener {} failed on event {}", l, e.sequence(), ex);
            }
        }
        return ok;
    }
}
