package io.batchcall.twilio.internal;

import io.batchcall.spi.TelephonyException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The few HTTP exchanges the adapter makes with Twilio's 2010-04-01 API: Basic auth, form bodies,
 * JSON answers, one attempt each (never a retry, which could dial twice). Each exchange, body
 * included, must finish within the timeout (one deadline: a body that drips in slowly times out),
 * and an answer's body may be at most {@link #MAX_BODY_BYTES} long. Thread-safe.
 */
public final class TwilioRest {
    /** The largest answer body read (Twilio's answers are a few kilobytes). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpClient http;
    private final URI accountBase;
    private final String authorization;
    private final Duration timeout;
    private final TwilioErrors errors;
    /** Fires body deadlines; one daemon thread for every client, idle between exchanges. */
    private static final ScheduledExecutorService TIMERS = timers();

    public TwilioRest(HttpClient http, URI apiBase, String accountSid, String authToken, Duration timeout,
            TwilioErrors errors) {
        this.http = http;
        String base = apiBase.toString().replaceAll("/+$", "");
        this.accountBase = URI.create(base + "/2010-04-01/Accounts/" + accountSid + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.errors = errors;
    }

    /** An answer: status, body and the Retry-After header. */
    public record Answer(int status, String body, Optional<String> retryAfter) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** POSTs a form to a path relative to the account ({@code Calls.json}). */
    public Answer post(String operation, String path, Forms form) {
        return send(operation, request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8)).build());
    }

    /** GETs a path relative to the account, with an optional encoded query (may be null). */
    public Answer get(String operation, String path, Forms query) {
        String withQuery = query == null ? path : path + "?" + query.encode();
        return send(operation, request(withQuery).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(accountBase.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private Answer send(String operation, HttpRequest request) {
        // send(), not sendAsync(): the client's public sendAsync hands every completion to the
        // common pool, which on a machine with two cores or fewer is a new thread per exchange.
        // The request's timeout covers the headers; the body handler enforces the rest of the deadline.
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<byte[]> response = http.send(request, BoundedBody.handler(MAX_BODY_BYTES, deadline, TIMERS));
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Retry-After"));
        } catch (HttpConnectTimeoutException e) {
            throw errors.transport(operation, e);
        } catch (HttpTimeoutException e) {
            throw errors.transport(operation, new HttpTimeoutException("no complete answer within "
                    + timeout.toMillis() + " ms (headers and body)"));
        } catch (IOException e) {
            // send() wraps what the body subscriber failed with; keep the body's own reason.
            throw errors.transport(operation, e.getCause() instanceof BoundedBody.TooLargeException large ? large : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException(TelephonyException.Kind.AMBIGUOUS, operation
                    + ": interrupted while waiting for Twilio; the request may have been processed", null, e);
        }
    }

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "batchcall-twilio-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true); // a cancelled deadline does not stay queued for its whole delay
        return t;
    }
}
