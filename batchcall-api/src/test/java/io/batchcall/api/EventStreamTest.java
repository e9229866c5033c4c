package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.api.SseClient.Event;
import io.batchcall.model.BatchId;
import io.batchcall.model.StatusEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event stream over a real HTTP server: every change in order, resumable without loss. */
class EventStreamTest {
    private final ApiFixture f = new ApiFixture(b -> b.pollInterval(Duration.ofMillis(10))
            .heartbeat(Duration.ofSeconds(1)).streamBuffer(16));
    private SseClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        f.close();
    }

    /** The account's events in the log after {@code cursor}: what a stream must deliver. */
    private List<Long> logIds(long cursor, BatchId onlyBatch) {
        List<Long> out = new ArrayList<>();
        for (StatusEvent e : f.storage.events().after(ACME, cursor, 100_000)) {
            if (e.account().equals(ACME) && (onlyBatch == null || onlyBatch.equals(e.batchId()))) {
                out.add(e.sequence());
            }
        }
        return out;
    }

    private static List<Long> collectUntilFinished(SseClient.Stream s, long batch, List<Long> into)
            throws InterruptedException {
        while (true) {
            Event e = s.next();
            if (e.type().equals("heartbeat") || e.type().equals("ready")) {
                continue;
            }
            assertThat(e.data()).contains("\"batch_id\":");
            into.add(e.id());
            if (e.type().equals("batch") && e.data().contains("\"batch_id\":" + batch + ",")
                    && e.data().contains("\"status\":\"completed\"")) {
                return into;
            }
        }
    }

    @Test
    void deliversEveryChangeOfTheAccountInOrderAndNothingOfOthers() throws Exception {
        client = new SseClient(f.api);
        long mine = f.draftWithRecipients(ACME, "Mine");
        long theirs = f.draftWithRecipients(GLOBEX, "Theirs");
        long start = f.storage.events().latest(ACME);
        try (SseClient.Stream s = client.open(ACME, "/events", Map.of())) {
            assertThat(s.status).isEqualTo(200);
            Event ready = s.next();
            assertThat(ready.type()).isEqualTo("ready");
            assertThat(ready.id()).isEqualTo(start);
            f.post(ACME, "/batches/" + mine + "/send", null);
            f.post(GLOBEX, "/batches/" + theirs + "/send", null);
            f.driveUntilFinished(mine);
            f.driveUntilFinished(theirs);
            List<Long> got = collectUntilFinished(s, mine, new ArrayList<>());
            assertThat(got).isEqualTo(logIds(start, null)).isSorted().doesNotHaveDuplicates();
            assertThat(got.size()).isGreaterThan(4); // batch running + each recipient's steps + completed
        }
    }

    @Test
    void resumesFromLastEventIdWithoutLossOrDuplicates() throws Exception {
        client = new SseClient(f.api);
        long batch = f.draftWithRecipients(ACME, "Resume");
        long start = f.storage.events().latest(ACME);
        List<Long> got = new ArrayList<>();
        f.post(ACME, "/batches/" + batch + "/send", null);
        f.driveUntilFinished(batch);
        List<Long> expected = logIds(start, BatchId.of(batch));
        assertThat(expected.size()).isGreaterThan(4);
        try (SseClient.Stream s = client.open(ACME, "/batches/" + batch + "/events?after=" + start, Map.of())) {
            assertThat(s.next().type()).isEqualTo("ready");
            for (int i = 0; i < 3; i++) {
                got.add(s.next().id());
            }
        }
        try (SseClient.Stream s = client.open(ACME, "/batches/" + batch + "/events",
                Map.of("Last-Event-ID", Long.toString(got.get(got.size() - 1))))) {
            Event ready = s.next();
            assertThat(ready.id()).isEqualTo(got.get(got.size() - 1));
            collectUntilFinished(s, batch, got);
        }
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void aClientThatDoesNotReadNeverHoldsUpTheEngineAndLosesNothing() throws Exception {
        client = new SseClient(f.api);
        long batch = f.draftWithRecipients(ACME, "Slow reader");
        StringBuilder more = new StringBuilder("phone\n");
        for (int i = 0; i < 40; i++) {
            more.append("+1415555").append(2000 + i).append('\n');
        }
        f.upload(ACME, batch, more.toString());
        long start = f.storage.events().latest(ACME);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.setReceiveBufferSize(1024);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", client.server.getAddress().getPort()));
            socket.getOutputStream().write(("GET /api/batches/" + batch + "/events?after=" + start + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nX-Account: acme\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the client reads nothing while the whole batch runs: the engine must not wait for it
            f.post(ACME, "/batches/" + batch + "/send", null);
            f.driveUntilFinished(batch);
            List<Long> expected = logIds(start, BatchId.of(batch));
            assertThat(expected.size()).isGreaterThan(16 * 4); // well beyond the stream's buffer of 16
            socket.setSoTimeout(20_000);
            List<Long> got = new ArrayList<>();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                    socket.getInputStream()));
            while (!readLine(in).isEmpty()) {
                // status line and headers
            }
            StringBuilder text = new StringBuilder();
            while (got.size() < expected.size()) {
                int size = Integer.parseInt(readLine(in).strip(), 16); // chunked transfer coding
                byte[] chunk = new byte[size];
                in.readFully(chunk);
                readLine(in);
                text.append(new String(chunk, java.nio.charset.StandardCharsets.UTF_8));
                int nl;
                while ((nl = text.indexOf("\n")) >= 0) {
                    String line = text.substring(0, nl);
                    text.delete(0, nl + 1);
                    if (line.startsWith("id: ") && !line.equals("id: " + start)) {
                        got.add(Long.parseLong(line.substring(4)));
                    }
                }
            }
            assertThat(got).isEqualTo(expected);
        }
    }

    private static String readLine(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("stream ended");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Test
    void sendsHeartbeatsWhenQuietAndRefusesOtherAccountsBatches() throws Exception {
        client = new SseClient(f.api);
        long batch = f.draftWithRecipients(ACME, "Quiet");
        try (SseClient.Stream s = client.open(ACME, "/batches/" + batch + "/events", Map.of())) {
            assertThat(s.next().type()).isEqualTo("ready");
            assertThat(s.next().type()).isEqualTo("heartbeat");
        }
        try (SseClient.Stream s = client.open(GLOBEX, "/batches/" + batch + "/events", Map.of())) {
            assertThat(s.status).isEqualTo(404);
        }
        try (SseClient.Stream s = client.open(GLOBEX, "/events?batch_id=" + batch, Map.of())) {
            assertThat(s.status).isEqualTo(404);
        }
    }
}
