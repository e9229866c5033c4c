package io.batchcall.twilio.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a response body up to {@code maxBytes}; a longer body cancels the download and fails
 * with {@link TooLargeException}, so a hostile or broken server cannot fill the heap. With a
 * deadline, a body not complete by then cancels the download and fails with an
 * {@link HttpTimeoutException}: the request's own timeout covers only the wait for the headers.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile ScheduledFuture<?> timer;

    /** The body was longer than allowed. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(int maxBytes) {
            super("the answer's body is larger than " + maxBytes + " bytes");
        }
    }

    public BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A body handler making one of these per response. */
    public static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
        return info -> new BoundedBody(maxBytes);
    }

    /**
     * A body handler making one of these per response, each failing when the body is not complete
     * by {@code deadlineNanos} ({@link System#nanoTime()} scale), checked on {@code timers}.
     */
    public static HttpResponse.BodyHandler<byte[]> handler(int maxBytes, long deadlineNanos,
            ScheduledExecutorService timers) {
        return info -> {
            BoundedBody body = new BoundedBody(maxBytes);
            long left = deadlineNanos - System.nanoTime();
            body.timer = timers.schedule(() -> body.fail(new HttpTimeoutException("the answer's body was not complete "
                    + "within the request's deadline")), Math.max(0, left), TimeUnit.NANOSECONDS);
            return body;
        };
    }

    private void fail(Throwable t) {
        if (result.completeExceptionally(t)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            if (result.isDone()) {
                return; // timed out: the subscription is cancelled
            }
            if (bytes.size() + b.remaining() > maxBytes) {
                stopTimer();
                fail(new TooLargeException(maxBytes));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        stopTimer();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        stopTimer();
        result.complete(bytes.toByteArray());
    }
}
