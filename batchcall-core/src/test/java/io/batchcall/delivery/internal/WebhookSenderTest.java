package io.batchcall.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.batchcall.delivery.WebhookSignature;
import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.WebhookRegistration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a JDK HttpServer: signed POST, 2xx only, redirects not followed, timeouts named. */
class WebhookSenderTest {
    private static final String SECRET = "whsec_0123456789abcdef";
    private static final Instant AT = Instant.parse("2026-03-02T14:00:05Z");
    private static final StatusEvent EVENT = new StatusEvent(17, AT, AccountId.of("acme"), BatchId.of(12),
            RecipientId.of(34), AttemptId.of(56), "completed", null);

    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService serverPool;
    private ExecutorService http;
    private WebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        serverPool = Executors.newFixedThreadPool(4);
        http = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(serverPool);
        server.createContext("/ok", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            String sig = x.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            hits.add(x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Content-Type") + " "
                    + WebhookSignature.isValid(SECRET, sig, body, AT, Duration.ofMinutes(5)) + " "
                    + new String(body, StandardCharsets.UTF_8));
            answer(x, 200, "thanks");
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", url("/ok").toString());
            answer(x, 302, "");
        });
        server.createContext("/broken", x -> answer(x, 500, "database unavailable"));
        server.createContext("/stuck", x -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "");
        });
        server.start();
        sender = new WebhookSender(Clock.fixed(AT, ZoneOffset.UTC), Duration.ofSeconds(5), Duration.ofSeconds(20), http);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        serverPool.shutdownNow();
        http.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private WebhookRegistration to(String path) {
        return new WebhookRegistration(1, AccountId.of("acme"), url(path), SECRET, AT);
    }

    private static void answer(HttpExchange x, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        }
        x.close();
    }

    @Test
    void aDeliveryIsASignedJsonPost() throws Exception {
        sender.deliver(to("/ok"), EVENT);
        assertThat(hits).containsExactly("POST application/json; charset=utf-8 true " + EventJson.text(EVENT));
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        assertThatThrownBy(() -> sender.deliver(to("/moved"), EVENT)).hasMessage("HTTP 302");
        assertThat(hits).isEmpty();
    }

    @Test
    void anErrorStatusIsAFailureNamingItAndTheStartOfTheAnswer() {
        assertThatThrownBy(() -> sender.deliver(to("/broken"), EVENT)).hasMessageStartingWith("HTTP 500");
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsAFailure() {
        WebhookSender impatient = new WebhookSender(Clock.fixed(AT, ZoneOffset.UTC), Duration.ofSeconds(5),
                Duration.ofMillis(300), http);
        assertThatThrownBy(() -> impatient.deliver(to("/stuck"), EVENT)).hasMessageStartingWith(
                "no answer within 300 ms");
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws Exception {
        server.stop(0);
        assertThatThrownBy(() -> sender.deliver(to("/ok"), EVENT)).hasMessageStartingWith("connection failed");
    }
}
