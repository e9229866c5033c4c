package io.batchcall.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.BatchCalls;
import io.batchcall.api.internal.Json;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.Tariff;
import io.batchcall.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory engine with a simulated carrier, a test clock and the API over it. */
final class ApiFixture implements AutoCloseable {
    static final AccountId ACME = AccountId.of("acme");
    static final AccountId GLOBEX = AccountId.of("globex");
    static final String CSV = "phone,first_name,plan\n+14155550101,Ann,gold\n+14155550102,Bob,=HYPERLINK(\"x\")\n"
            + "not-a-number,Cat,silver\n+14155550101,Ann again,gold\n";

    final MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final InMemoryCreditLedger ledger = InMemoryCreditLedger.create();
    final SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults()
            .withRing(Duration.ofSeconds(1), Duration.ofSeconds(3)).withTalk(Duration.ofSeconds(5),
                    Duration.ofSeconds(50)));
    final BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("test")
            .tariff(Tariff.of(Money.usd("0.01"))).shutdownWait(Duration.ZERO).build();
    final BatchCallsApi api;

    ApiFixture() {
        this(b -> b);
    }

    ApiFixture(java.util.function.UnaryOperator<BatchCallsApi.Builder> settings) {
        carrier.connect(calls.statusSink());
        ledger.topUp(ACME, Money.usd("100"), "acme-top-up");
        ledger.topUp(GLOBEX, Money.usd("100"), "globex-top-up");
        api = settings.apply(BatchCallsApi.builder(calls, storage.events()).clock(clock)
                .tariff(Tariff.of(Money.usd("0.01")))).build();
    }

    /** A response with its body read. */
    record Res(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Res get(AccountId account, String path) {
        return send(account, "GET", path, null, null, Map.of());
    }

    Res post(AccountId account, String path, String json) {
        return send(account, "POST", path, json == null ? null : "application/json", json, Map.of());
    }

    Res put(AccountId account, String path, String json) {
        return send(account, "PUT", path, "application/json", json, Map.of());
    }

    Res upload(AccountId account, long batch, String csv) {
        return send(account, "POST", "/batches/" + batch + "/recipients", "text/csv", csv, Map.of());
    }

    Res send(AccountId account, String method, String pathAndQuery, String contentType, String body,
            Map<String, String> extraHeaders) {
        String path = pathAndQuery;
        Map<String, List<String>> query = new HashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            for (String p : pathAndQuery.substring(q + 1).split("&")) {
                String[] kv = p.split("=", 2);
                query.put(kv[0], List.of(kv.length > 1 ? kv[1] : ""));
            }
        }
        Map<String, List<String>> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        extraHeaders.forEach((k, v) -> headers.put(k, List.of(v)));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ApiResponse r = api.handle(new ApiRequest(account, method, path, query, headers,
                new ByteArrayInputStream(bytes)));
        return new Res(r.status(), r.headers(), r.bodyAsString());
    }

    static String draftJson(String name) {
        return "{\"name\":\"" + name + "\",\"caller_id\":\"+14155552000\",\"timezone\":\"America/New_York\","
                + "\"draft\":true}";
    }

    /** A draft of {@code account} with the fixture's CSV uploaded; returns its id. */
    long draftWithRecipients(AccountId account, String name) {
        Res created = post(account, "/batches", draftJson(name));
        long id = created.json().get("id").asLong();
        upload(account, id, CSV);
        return id;
    }

    /** Steps the engine and the carrier until the batch has finished. */
    void driveUntilFinished(long batch) {
        for (int i = 0; i < 20_000; i++) {
            BatchStatus s = calls.batch(BatchId.of(batch)).batch().status();
            if (s.isFinished()) {
                return;
            }
            calls.runOnce();
            clock.advance(Duration.ofMillis(500));
            carrier.deliverDue();
        }
        throw new AssertionError("batch " + batch + " did not finish: " + calls.batch(BatchId.of(batch)));
    }

    @Override
    public void close() {
        api.close();
        calls.close();
        carrier.close();
    }
}
