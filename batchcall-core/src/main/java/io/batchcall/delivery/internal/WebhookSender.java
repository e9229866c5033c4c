package io.batchcall.delivery.internal;

import io.batchcall.delivery.WebhookSignature;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.WebhookRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * POSTs one event to one endpoint, signed: the JDK's {@link HttpClient}, redirects never followed,
 * connect and request timeouts (up to the answer's headers), and of the answer's body only what
 * has already arrived, at most {@link #BODY_CAP} bytes, is read (the rest is dropped with the
 * connection), so a slow or endless body never holds a delivery thread. A 2xx answer is a delivery; anything else, a timeout or a
 * connection failure is an exception whose message says which.
 */
final class WebhookSender {
    static final int BODY_CAP = 1024;

    private final HttpClient client;
    private final Clock clock;
    private final Duration requestTimeout;

    WebhookSender(Clock clock, Duration connectTimeout, Duration requestTimeout, ExecutorService executor) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .executor(executor).version(HttpClient.Version.HTTP_1_1).build();
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    /** Delivers or throws {@link WebhookFailure}. */
    void deliver(WebhookRegistration to, StatusEvent e) throws WebhookFailure, InterruptedException {
        byte[] body = EventJson.bytes(e);
        HttpRequest request = HttpRequest.newBuilder(to.url()).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "batchcall-webhooks")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(to.secret(), clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException x) {
            throw new WebhookFailure("no answer within " + requestTimeout.toMillis() + " ms (" + x.getMessage() + ")");
        } catch (IOException x) {
            throw new WebhookFailure("connection failed: " + x);
        }
        String head;
        try (InputStream in = response.body()) { // only what already arrived: a slow body never holds us
            head = new String(in.readNBytes(Math.min(BODY_CAP, Math.max(0, in.available()))), StandardCharsets.UTF_8);
        } catch (IOException x) {
            head = "";
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String snippet = head.length() > 200 ? head.substring(0, 200) : head;
            throw new WebhookFailure("HTTP " + status + (snippet.isBlank() ? "" : ": " + snippet.strip()));
        }
    }

    /** A failed delivery; the message is what the dead letter records. */
    static final class WebhookFailure extends Exception {
        private static final long serialVersionUID = 1L;

        WebhookFailure(String message) {
            super(message, null, false, false);
        }
    }
}
