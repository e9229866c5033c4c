package io.batchcall.inmemory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.Batch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.RecipientQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recipients added in code get their number's zones, as CSV rows do, so local hours hold for them. */
class AddedRecipientsZonesScenarioTest {
    @Test
    void aHonoluluNumberAddedInCodeWaitsForHonoluluHours() {
        // Monday 2 March 2026, 14:00 UTC: 09:00 in New York, 04:00 in Honolulu.
        try (Campaign c = new Campaign(Instant.parse("2026-03-02T14:00:00Z"),
                io.batchcall.inmemory.SimulationSettings.ofDefaults(), b -> { })) {
            c.fund("10");
            Batch b = c.calls.createDraft(Campaign.spec("local").recipientLocalTime(true).build());
            c.calls.addRecipients(b.id(), List.of(NewRecipient.of(PhoneNumber.of("+18083213000"), "Kai"),
                    NewRecipient.of(PhoneNumber.of("+12125550123"), "Nia")));
            Recipient kai = c.calls.recipients(b.id(), RecipientQuery.first(10)).get(0);
            assertThat(kai.zoneKey()).isEqualTo("Pacific/Honolulu");
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.recipients(b.id(), RecipientQuery.first(10))).extracting(Recipient::status)
                    .containsExactly(RecipientStatus.PENDING, RecipientStatus.INITIATED);
            c.step(Duration.ofHours(5)); // 09:00 in Honolulu
            assertThat(c.calls.attempts(kai.id())).hasSize(1);
        }
    }
}
