package io.batchcall.benchmarks.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's load balancer in front of the engines' webhook endpoints: forwards each request (path,
 * query, body, signature header unchanged) round-robin to the live backends; a backend that refuses
 * the connection is skipped, so callbacks of a killed node's calls reach the survivors. Answers 502
 * when no backend takes the request.
 */
final class CallbackFront implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .executor(Executors.newCachedThreadPool()).build();
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong failovers = new AtomicLong();
    final AtomicLong unserved = new AtomicLong();

    CallbackFront() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    String publicBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void add(int port) {
        backends.add(port);
    }

    void remove(int port) {
        backends.remove(Integer.valueOf(port));
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String signature = ex.getRequestHeaders().getFirst("X-Twilio-Signature");
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            List<Integer> live = List.copyOf(backends);
            int start = Math.floorMod(next.getAndIncrement(), Math.max(1, live.size()));
            for (int i = 0; i < live.size(); i++) {
                int port = live.get((start + i) % live.size());
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + ex.getRequestURI())).timeout(Duration.ofSeconds(10))
                        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                if (signature != null) {
                    request.header("X-Twilio-Signature", signature);
                }
                if (type != null) {
                    request.header("Content-Type", type);
                }
                try {
                    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    forwarded.incrementAndGet();
                    ex.sendResponseHeaders(status, -1);
                    return;
                } catch (IOException e) {
                    failovers.incrementAndGet(); // dead backend (or it died mid-request): try the next one
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            unserved.incrementAndGet();
            ex.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
