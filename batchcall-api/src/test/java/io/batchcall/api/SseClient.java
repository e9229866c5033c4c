package io.batchcall.api;

import com.sun.net.httpserver.HttpServer;
import io.batchcall.model.AccountId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The API on a real JDK HttpServer, and a small Server-Sent Events client for it. */
final class SseClient implements AutoCloseable {
    /** One received event. */
    record Event(long id, String type, String data) {
    }

    final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newHttpClient();

    SseClient(BatchCallsApi api) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(pool);
        server.createContext("/api", JdkHttpHandler.of(api, ex -> {
            String a = ex.getRequestHeaders().getFirst("X-Account");
            return a == null ? null : AccountId.of(a);
        }));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api" + path);
    }

    /** An open stream whose events arrive in {@link Stream#events}. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final int status;
        private final java.util.stream.Stream<String> lines;
        private final Thread reader;

        Stream(AccountId account, String path, Map<String, String> headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("X-Account", account.value())
                    .header("Accept", "text/event-stream");
            headers.forEach(b::header);
            HttpResponse<java.util.stream.Stream<String>> r = http.send(b.build(),
                    HttpResponse.BodyHandlers.ofLines());
            status = r.statusCode();
            lines = r.body();
            reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            long id = -1;
            String type = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(id, type, data.toString()));
                        }
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.startsWith(":")) {
                        events.add(new Event(id, "heartbeat", ""));
                    }
                }
            } catch (RuntimeException e) {
                // closed by the test
            }
        }

        Event next() throws InterruptedException {
            Event e = events.poll(20, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within 20 s");
            }
            return e;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    Stream open(AccountId account, String path, Map<String, String> headers) throws Exception {
        return new Stream(account, path, headers);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
