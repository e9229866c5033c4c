package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.RecipientStore;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A storage that keeps no contact data: the contact routes answer 501, never 500. */
class ContactsNotKeptTest {
    @Test
    void everyContactRouteAnswers501() {
        MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
        InMemoryStorage full = InMemoryStorage.create(clock);
        Storage bare = new Storage() {
            @Override
            public BatchStore batches() {
                return full.batches();
            }

            @Override
            public RecipientStore recipients() {
                return full.recipients();
            }

            @Override
            public CallStore calls() {
                return full.calls();
            }

            @Override
            public EventLog events() {
                return full.events();
            }
        };
        SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults());
        try (BatchCalls calls = BatchCalls.builder(bare, carrier, InMemoryCreditLedger.create()).clock(clock)
                .nodeName("bare").shutdownWait(Duration.ZERO).build();
                BatchCallsApi api = BatchCallsApi.builder(calls, full.events()).clock(clock).build()) {
            for (String[] call : List.of(
                    new String[] {"POST", "/suppressions", "application/json", "{\"phone\":\"+14155550101\","
                            + "\"reason\":\"dnc\"}"},
                    new String[] {"GET", "/suppressions/+14155550101", null, null},
                    new String[] {"DELETE", "/suppressions/+14155550101", null, null},
                    new String[] {"POST", "/suppressions/import", "text/csv", "+14155550101\n"},
                    new String[] {"POST", "/erasures", "application/json", "{\"phone\":\"+14155550101\"}"})) {
                ApiResponse r = api.handle(new ApiRequest(ACME, call[0], call[1], Map.of(), call[2] == null ? Map.of()
                        : Map.of("Content-Type", List.of(call[2])), new ByteArrayInputStream(call[3] == null
                        ? new byte[0] : call[3].getBytes(StandardCharsets.UTF_8))));
                assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(501);
                assertThat(r.bodyAsString()).contains("keeps no contact data");
            }
        } finally {
            carrier.close();
        }
    }
}
