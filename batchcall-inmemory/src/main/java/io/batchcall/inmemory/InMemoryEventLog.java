package io.batchcall.inmemory;

import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.util.List;

/** The event log of an {@link InMemoryStorage}: sequence {@code n} is element {@code n - 1}. */
final class InMemoryEventLog implements EventLog {
    private final State state;

    InMemoryEventLog(State state) {
        this.state = state;
    }

    @Override
    public List<StatusEvent> after(long cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        synchronized (state) {
            int size = state.events.size();
            int from = (int) Math.max(0, Math.min(cursor, size));
            return List.copyOf(state.events.subList(from, (int) Math.min(size, (long) from + limit)));
        }
    }

    @Override
    public long latest() {
        synchronized (state) {
            return state.events.size();
        }
    }
}
