package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.ZoneKey;
import io.batchcall.schedule.CallWindow;

import java.time.Duration;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalHoursScenarioTest {
    private static PhoneNumber example(String region) {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        return PhoneNumber.of(util.format(util.getExampleNumber(region),
                com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    @Test
    void eachRecipientIsCalledInsideTheWindowOfTheirOwnZones() {
        // 14:00 UTC Monday: 09:00 New York, 06:00 Los Angeles, 15:00 Berlin, 19:45 Kathmandu.
        Instant start = Instant.parse("2026-03-02T14:00:00Z");
        CallWindow hours = CallWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("America/New_York"));
        SimulationSettings quick = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
                .withTalk(Duration.ofSeconds(20), Duration.ofSeconds(20));
        try (Campaign c = new Campaign(start, quick, x -> { })) {
            c.fund("100");
            Batch b = c.calls.createDraft(spec("local").window(hours).recipientLocalTime(true).build());
            List<NewRecipient> people = List.of(
                    new NewRecipient(PhoneNumber.of("+12125550123"), "NY", Map.of(), "America/New_York"),
                    new NewRecipient(PhoneNumber.of("+14155552671"), "LA", Map.of(), "America/Los_Angeles"),
                    new NewRecipient(example("DE"), "Berlin", Map.of(), "Europe/Berlin"),
                    new NewRecipient(example("NP"), "Kathmandu", Map.of(), "Asia/Kathmandu"),
                    // A number whose region spans zones: called only when open in both.
                    new NewRecipient(PhoneNumber.of("+12125550124"), "Both", Map.of(),
                            ZoneKey.of(List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles")))));
            c.calls.addRecipients(b.id(), people);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofDays(3), Duration.ofMinutes(5));
            for (var call : c.carrier.placedCalls()) {
                var attempt = c.calls.attempts(call.recipientId()).get(0);
                var recipient = c.calls.recipients(b.id(), io.batchcall.spi.RecipientQuery.first(10)).stream()
                        .filter(r -> r.id().equals(call.recipientId())).findFirst().orElseThrow();
                for (ZoneId zone : ZoneKey.zones(recipient.zoneKey())) {
                    CallWindow local = new CallWindow(hours.start(), hours.end(), hours.days(), zone);
                    assertThat(local.isOpen(attempt.claimedAt())).as("%s at %s", recipient.name(),
                            attempt.claimedAt()).isTrue();
                }
            }
            assertThat(c.carrier.placedCalls()).hasSize(5);
            assertThat(c.carrier.dialsPerNumber().keySet()).contains(example("DE"));
            assertThat(c.calls.activeCalls(ACCOUNT)).isZero();
        }
    }
}
