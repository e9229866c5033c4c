package io.batchcall.jdbc.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.batchcall.delivery.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver on the JDK's HttpServer (loopback, multi-threaded) that verifies every
 * delivery's signature as a real receiver would and records what arrived. It can fail the first N
 * deliveries, answer some of them slowly (beyond the sender's timeout), refuse chosen events, and
 * be taken down and brought back up on the same port.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
    private static final Pattern BATCH = Pattern.compile("\"batch\":(\\d+)");

    /** One delivery that passed verification and was answered 2xx. */
    record Arrival(long sequence, long batch, String body) {
    }

    final List<Arrival> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger forged = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    volatile int failFirst;
    /** Every n-th request (0: none) answers only after {@link #slowFor}. */
    volatile int slowEvery;
    volatile Duration slowFor = Duration.ZERO;
    volatile Predicate<Long> refuse = s -> false;

    private final String secret;
    private final Clock clock;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final int port;
    private HttpServer server;

    WebhookReceiver(String secret, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/batchcall";
    }

    private HttpServer start(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
        s.createContext("/hooks/batchcall", this::handle);
        s.setExecutor(pool);
        s.start();
        return s;
    }

    /** Stops answering: connections are refused until {@link #up()}. */
    synchronized void down() {
        server.stop(0);
    }

    synchronized void up() throws IOException {
        server = start(port);
    }

    private void handle(HttpExchange x) throws IOException {
        int n = requests.incrementAndGet();
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        String header = x.getRequestHeaders().getFirst(WebhookSignature.HEADER);
        if (!WebhookSignature.isValid(secret, header, body, clock.instant(), Duration.ofMinutes(5))) {
            forged.incrementAndGet();
            answer(x, 401);
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        long sequence = number(SEQUENCE, text);
        if (slowEvery > 0 && n % slowEvery == 0) {
            pause(slowFor);
        }
        if (n <= failFirst || refuse.test(sequence)) {
            refused.incrementAndGet();
            answer(x, 503);
            return;
        }
        accepted.add(new Arrival(sequence, number(BATCH, text), text));
        answer(x, 204);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // a slow receiver, not an assertion
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void answer(HttpExchange x, int status) throws IOException {
        try (x) {
            if (status == 204) {
                x.sendResponseHeaders(204, -1);
            } else {
                byte[] b = ("status " + status).getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(status, b.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(b);
                }
            }
        } catch (IOException e) {
            // the sender gave up waiting (its timeout); nothing to answer
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        server.stop(0);
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
