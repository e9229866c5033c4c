package io.batchcall.spi;

import io.batchcall.model.StatusEvent;
import java.util.List;

/**
 * The ordered log of status changes written by the stores. Readers (every engine node, a host's
 * UI) follow it with a cursor: {@code after(0, n)}, then {@code after(last.sequence(), n)}.
 * An event becomes visible only once its unit of work has committed, and a reader never sees an
 * event with a lower sequence after one with a higher sequence. Sequences are positive and
 * strictly increasing in append order, but need not be contiguous (a database sequence may skip
 * values). Events are never removed, not even when their batch is deleted.
 */
public interface EventLog {
    /**
     * Events with sequence above {@code cursor}, in order, at most {@code limit}.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    List<StatusEvent> after(long cursor, int limit);

    /** The sequence of the newest visible event, or 0 when the log is empty. */
    long latest();
}
