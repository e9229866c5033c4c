package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event log of an {@link InMemoryStorage}: each account's events by sequence, 1, 2, 3, ... (purged ones absent). */
final class InMemoryEventLog implements EventLog {
    private final State state;

    InMemoryEventLog(State state) {
        this.state = state;
    }

    @Override
    public List<StatusEvent> after(AccountId account, long cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative, but was " + cursor);
        }
        synchronized (state) {
            State.EventLogOf log = state.events.get(account);
            if (log == null) {
                return List.of();
            }
            List<StatusEvent> out = new java.util.ArrayList<>(Math.min(limit, 1024));
            for (StatusEvent e : log.bySequence.tailMap(cursor, false).values()) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(e);
            }
            return List.copyOf(out);
        }
    }

    @Override
    public long latest(AccountId account) {
        synchronized (state) {
            State.EventLogOf log = state.events.get(account);
            return log == null ? 0 : log.head;
        }
    }

    @Override
    public Map<AccountId, Long> heads() {
        synchronized (state) {
            Map<AccountId, Long> heads = new LinkedHashMap<>();
            state.events.forEach((account, log) -> heads.put(account, log.head));
            return heads;
        }
    }
}
