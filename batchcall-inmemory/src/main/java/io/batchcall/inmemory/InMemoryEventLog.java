package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event log of an {@link InMemoryStorage}: an account's sequence {@code n} is its element {@code n - 1}. */
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
            List<StatusEvent> events = state.events.getOrDefault(account, List.of());
            int size = events.size();
            int from = (int) Math.min(cursor, size);
            return List.copyOf(events.subList(from, (int) Math.min(size, (long) from + limit)));
        }
    }

    @Override
    public long latest(AccountId account) {
        synchronized (state) {
            return state.events.getOrDefault(account, List.of()).size();
        }
    }

    @Override
    public Map<AccountId, Long> heads() {
        synchronized (state) {
            Map<AccountId, Long> heads = new LinkedHashMap<>();
            state.events.forEach((account, events) -> heads.put(account, (long) events.size()));
            return heads;
        }
    }
}
