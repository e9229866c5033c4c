package io.batchcall.api.internal;

import io.batchcall.api.ResponseBody;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.StatusEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events of status changes, read from the event log.
 *
 * <p>One poller task (on the executor given, never an engine thread) reads the log for every open
 * stream into that stream's bounded queue; the host's request thread drains the queue to the
 * client. A slow client fills its own queue and the poller then reads nothing more for it until it
 * catches up: the log is the buffer, so nothing is lost, nothing is held in memory beyond the
 * queue, and the engine never waits. Each event's SSE id is its cursor in {@link AccountEvents};
 * a client that reconnects with {@code Last-Event-ID} continues right after it.
 */
public final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AccountEvents events;
    private final Duration heartbeat;
    private final int buffer;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> polling;
    private volatile boolean closed;

    public EventStream(AccountEvents events, ScheduledExecutorService poller, Duration pollInterval,
            Duration heartbeat, int buffer) {
        this.events = events;
        this.heartbeat = heartbeat;
        this.buffer = buffer;
        this.polling = poller.scheduleWithFixedDelay(this::pollAll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Streams {@code account}'s events (only {@code batch}'s when not null) after {@code cursor}. */
    public ResponseBody open(AccountId account, BatchId batch, long cursor) {
        return out -> {
            Subscription s = new Subscription(account, batch, cursor, new ArrayBlockingQueue<>(buffer));
            open.add(s);
            try {
                s.write(out);
            } finally {
                open.remove(s);
            }
        };
    }

    /** Number of clients connected now. */
    public int connected() {
        return open.size();
    }

    /** Stops reading the log and ends every stream within about half a second. */
    public void close() {
        closed = true;
        polling.cancel(false);
    }

    void pollAll() {
        for (Subscription s : open) {
            try {
                s.fill();
            } catch (RuntimeException e) {
                LOG.warn("event stream of account {}: reading the event log failed; retrying", s.account, e);
            }
        }
    }

    /** One open stream: its cursor in the log and its bounded queue. */
    private final class Subscription {
        final AccountId account;
        final BatchId batch;
        final BlockingQueue<StatusEvent> queue;
        volatile long read;
        final long start;

        Subscription(AccountId account, BatchId batch, long cursor, BlockingQueue<StatusEvent> queue) {
            this.account = account;
            this.batch = batch;
            this.read = cursor;
            this.start = cursor;
            this.queue = queue;
        }

        /** Poller thread: reads as many events as the queue has room for. */
        void fill() {
            int room = queue.remainingCapacity();
            while (room > 0) {
                List<StatusEvent> next = events.after(account, read, Math.min(room, 500));
                for (StatusEvent e : next) {
                    if (batch == null || batch.equals(e.batchId())) {
                        queue.add(e);
                        room--;
                    }
                    read = e.sequence();
                }
                if (next.size() < 500 || room == 0) {
                    return;
                }
            }
        }

        /** Request thread: writes until the client leaves or the stream is closed. */
        void write(OutputStream out) throws IOException {
            StringBuilder b = new StringBuilder("retry: 2000\n");
            b.append("id: ").append(start).append("\nevent: ready\ndata: ")
                    .append(new String(Json.bytes(new Dto.Ready(start, batch == null ? null : batch.value())),
                            StandardCharsets.UTF_8)).append("\n\n");
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            long quietSince = System.nanoTime();
            List<StatusEvent> drained = new ArrayList<>();
            while (!closed) {
                StatusEvent first;
                try {
                    first = queue.poll(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (first == null) {
                    if (System.nanoTime() - quietSince >= heartbeat.toNanos()) {
                        out.write(HEARTBEAT);
                        out.flush();
                        quietSince = System.nanoTime();
                    }
                    continue;
                }
                drained.clear();
                drained.add(first);
                queue.drainTo(drained, 255);
                StringBuilder frame = new StringBuilder();
                for (StatusEvent e : drained) {
                    Dto.EventView v = Views.event(e);
                    frame.append("id: ").append(e.sequence()).append("\nevent: ").append(v.kind()).append("\ndata: ")
                            .append(new String(Json.bytes(v), StandardCharsets.UTF_8)).append("\n\n");
                }
                out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                quietSince = System.nanoTime();
            }
        }
    }
}
