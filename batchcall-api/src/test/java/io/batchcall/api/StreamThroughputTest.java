package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures how many events per second one stream client receives end to end (log read, account
 * filter, JSON, HTTP, client parse) from a log prefilled with half this account's events and half
 * another's. Prints the figure; asserts only that every event arrived, in order.
 */
class StreamThroughputTest {
    private static final int EVENTS = 200_000;

    /** A prefilled log of two accounts, each numbered from 1. */
    static final class PrefilledLog implements EventLog {
        private final Map<AccountId, List<StatusEvent>> events = new HashMap<>();

        PrefilledLog(int n) {
            Instant at = Instant.parse("2026-03-02T15:00:00Z");
            for (int i = 1; i <= n; i++) {
                AccountId account = i % 2 == 0 ? ACME : GLOBEX;
                List<StatusEvent> log = events.computeIfAbsent(account, a -> new ArrayList<>());
                log.add(new StatusEvent(log.size() + 1, at, account, BatchId.of(1 + i % 3), RecipientId.of(i),
                        null, i % 5 == 0 ? "completed" : "ringing", null));
            }
        }

        @Override
        public List<StatusEvent> after(AccountId account, long cursor, int limit) {
            List<StatusEvent> log = events.getOrDefault(account, List.of());
            int from = (int) Math.min(cursor, log.size());
            return Collections.unmodifiableList(log.subList(from, Math.min(log.size(), from + limit)));
        }

        @Override
        public long latest(AccountId account) {
            return events.getOrDefault(account, List.of()).size();
        }

        @Override
        public Map<AccountId, Long> heads() {
            Map<AccountId, Long> heads = new HashMap<>();
            events.forEach((a, log) -> heads.put(a, (long) log.size()));
            return heads;
        }
    }

    @Test
    void measuresEventsPerSecondOfOneStream() throws Exception {
        try (ApiFixture f = new ApiFixture();
                BatchCallsApi api = BatchCallsApi.builder(f.calls, new PrefilledLog(EVENTS))
                        .pollInterval(Duration.ofMillis(10)).streamBuffer(5000).build();
                SseClient server = new SseClient(api)) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/events?after=0")).header("X-Account", "acme")
                    .build();
            long start = System.nanoTime();
            HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            int received = 0;
            long last = 0;
            boolean ordered = true;
            for (Iterator<String> it = r.body().iterator(); it.hasNext() && received < EVENTS / 2;) {
                String line = it.next();
                if (line.startsWith("id: ")) {
                    long id = Long.parseLong(line.substring(4));
                    if (id == 0) {
                        continue; // the ready event
                    }
                    ordered &= id > last;
                    last = id;
                    received++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            r.body().close();
            System.out.printf("event stream: %d events of one account (from a log of %d) in %.2f s = %.0f events/s%n",
                    received, EVENTS, seconds, received / seconds);
            assertThat(received).isEqualTo(EVENTS / 2);
            assertThat(ordered).isTrue();
            assertThat(last).as("the account's own numbering ends at its count").isEqualTo(EVENTS / 2);
        }
    }
}
