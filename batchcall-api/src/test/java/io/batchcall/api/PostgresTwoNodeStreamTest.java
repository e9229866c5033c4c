package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.api.SseClient.Event;
import io.batchcall.api.internal.Json;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.BatchId;
import io.batchcall.model.Money;
import io.batchcall.model.StatusEvent;
import io.batchcall.model.Tariff;
import io.batchcall.testkit.MutableClock;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two engine nodes on one PostgreSQL database: node A places every call, node B places none and
 * serves the API and the stream; B's stream still carries every change, in order.
 */
class PostgresTwoNodeStreamTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Test
    void theNodeThatPlacedNoCallStreamsEveryChange() throws Exception {
        try (HikariDataSource poolA = pool("node-a"); HikariDataSource poolB = pool("node-b")) {
            run(poolA, poolB);
        }
    }

    /** Each node has its own connection pool, as separate JVMs would. */
    private static HikariDataSource pool(String name) {
        PostgresDatabase db = PG.database();
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setConnectionInitSql(db.sessionInitSql());
        c.setMaximumPoolSize(6);
        c.setMinimumIdle(0);
        c.setPoolName(name);
        return new HikariDataSource(c);
    }

    private void run(DataSource dsA, DataSource dsB) throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
        SimulationSettings sim = SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withTalk(Duration.ofSeconds(5), Duration.ofSeconds(40));
        JdbcStorage storageA = JdbcStorage.builder(dsA).clock(clock).migrate(true).build();
        JdbcCreditLedger ledgerA = JdbcCreditLedger.builder(dsA).clock(clock).migrate(true).build();
        JdbcStorage storageB = JdbcStorage.builder(dsB).clock(clock).build();
        JdbcCreditLedger ledgerB = JdbcCreditLedger.builder(dsB).clock(clock).build();
        ledgerA.topUp(ACME, Money.usd("50"), "pg-top-up");
        try (SimulatedTelephony carrierA = new SimulatedTelephony(clock, sim);
                SimulatedTelephony carrierB = new SimulatedTelephony(clock, sim);
                BatchCalls nodeA = BatchCalls.builder(storageA, carrierA, ledgerA).clock(clock).nodeName("node-a")
                        .tariff(Tariff.of(Money.usd("0.01"))).shutdownWait(Duration.ZERO).build();
                BatchCalls nodeB = BatchCalls.builder(storageB, carrierB, ledgerB).clock(clock).nodeName("node-b")
                        .shutdownWait(Duration.ZERO).build();
                BatchCallsApi apiB = BatchCallsApi.builder(nodeB, storageB.events()).clock(clock)
                        .pollInterval(Duration.ofMillis(20)).build();
                SseClient client = new SseClient(apiB)) {
            carrierA.connect(nodeA.statusSink());
            long id = json(apiB, "POST", "/batches", "application/json", ApiFixture.draftJson("Cluster"))
                    .get("id").asLong();
            StringBuilder csv = new StringBuilder("phone,name\n");
            for (int i = 0; i < 30; i++) {
                csv.append("+1415555").append(String.format("%04d", 1000 + i)).append(",R").append(i).append('\n');
            }
            assertThat(json(apiB, "POST", "/batches/" + id + "/recipients", "text/csv", csv.toString())
                    .get("accepted").asLong()).isEqualTo(30);
            long start = storageB.events().latest(ACME);
            try (SseClient.Stream s = client.open(ACME, "/batches/" + id + "/events?after=" + start, Map.of())) {
                assertThat(s.next().type()).isEqualTo("ready");
                assertThat(json(apiB, "POST", "/batches/" + id + "/send", null, null).get("status").asText())
                        .isEqualTo("running");
                for (int i = 0; i < 5_000 && !nodeA.batch(BatchId.of(id)).batch().status().isFinished(); i++) {
                    nodeA.runOnce();
                    clock.advance(Duration.ofMillis(500));
                    carrierA.deliverDue();
                }
                assertThat(nodeA.batch(BatchId.of(id)).batch().status().wireName()).isEqualTo("completed");
                List<Long> got = new ArrayList<>();
                Map<Long, String> lastStatus = new HashMap<>();
                while (true) {
                    Event e = s.next();
                    if (e.type().equals("heartbeat")) {
                        continue;
                    }
                    got.add(e.id());
                    JsonNode data = Json.MAPPER.readTree(e.data());
                    if (e.type().equals("recipient")) {
                        lastStatus.put(data.get("recipient_id").asLong(), data.get("status").asText());
                    } else if (data.get("status").asText().equals("completed")) {
                        break;
                    }
                }
                List<Long> expected = new ArrayList<>();
                for (StatusEvent e : storageA.events().after(ACME, start, 100_000)) {
                    if (e.batchId().value() == id) {
                        expected.add(e.sequence());
                    }
                }
                assertThat(got).isEqualTo(expected);
                assertThat(lastStatus).hasSize(30);
                assertThat(lastStatus.values()).allMatch(st -> List.of("completed", "busy", "no_answer", "failed")
                        .contains(st));
                assertThat(carrierA.placedCalls()).hasSizeGreaterThanOrEqualTo(30);
                assertThat(carrierB.placedCalls()).isEmpty();
            }
        }
    }

    private static JsonNode json(BatchCallsApi api, String method, String path, String type, String body)
            throws Exception {
        Map<String, List<String>> headers = type == null ? Map.of() : Map.of("Content-Type", List.of(type));
        ApiResponse r = api.handle(new ApiRequest(ACME, method, path, Map.of(), headers,
                new ByteArrayInputStream(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(r.bodyAsString()).isLessThan(300);
        return Json.MAPPER.readTree(r.bodyAsString());
    }
}
