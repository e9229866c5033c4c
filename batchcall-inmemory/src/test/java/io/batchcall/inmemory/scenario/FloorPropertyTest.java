package io.batchcall.inmemory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.ZoneKey;
import io.batchcall.policy.CallingHours;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.policy.HoursRule;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No dial is ever placed outside the calling-hours floor: random batch windows, recipient zones
 * (several per number, too), floor rules and start instants, run by the engine on a test clock;
 * every placed call's claim instant is checked on each of its recipient's wall clocks by hand.
 */
class FloorPropertyTest {
    private static final List<ZoneId> US = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Honolulu"),
            ZoneId.of("America/Anchorage"));
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    private static boolean within(LocalTime t, LocalTime start, LocalTime end) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    @Test
    void noDialIsPlacedOutsideTheFloorInAnyOfTheRecipientsZones() {
        qt().withExamples(25).forAll(integers().between(0, 365 * 24 * 4), integers().between(0, 24 * 23 - 1),
                integers().between(0, 1000), booleans().all())
                .checkAssert((quarter, hours, zonesSeed, local) -> {
                    int winStart = hours % 24;
                    int winLength = 1 + hours / 24;
                    Instant start = FROM.plus(Duration.ofMinutes(15L * quarter));
                    LocalTime ruleStart = LocalTime.of(9 + zonesSeed % 3, 0);
                    LocalTime ruleEnd = LocalTime.of(17 + zonesSeed % 4, 30);
                    HoursRule everyone = HoursRule.daily("*", ruleStart, ruleEnd, "test rule");
                    ContactPolicy policy = ContactPolicy.none().withHours(CallingHours.usFederal().with(everyone));
                    CallWindow window = new CallWindow(LocalTime.of(winStart, 0),
                            LocalTime.of((winStart + winLength) % 24, 0), CallWindow.EVERY_DAY,
                            US.get(zonesSeed % US.size()));
                    check(start, window, local, policy, everyone, zonesSeed);
                });
    }

    private static void check(Instant start, CallWindow window, boolean local, ContactPolicy policy, HoursRule rule,
            int seed) {
        SimulationSettings quick = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
                .withTalk(Duration.ofSeconds(20), Duration.ofSeconds(20));
        try (Campaign c = new Campaign(start, quick, x -> x.contactPolicy(policy))) {
            c.fund("100");
            Batch b = c.calls.createDraft(Campaign.spec("p").window(window).recipientLocalTime(local).build());
            List<NewRecipient> people = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<ZoneId> zones = i == 3 ? List.of(US.get(seed % US.size()), US.get((seed / 7 + 1) % US.size()))
                        : List.of(US.get((seed / (i + 1)) % US.size()));
                people.add(new NewRecipient(PhoneNumber.of("+1212555010" + i), "P" + i, Map.of(), ZoneKey.of(zones)));
            }
            c.calls.addRecipients(b.id(), people);
            c.calls.send(b.id());
            Instant limit = start.plus(Duration.ofDays(3));
            while (c.status(b.id()) != BatchStatus.COMPLETED && c.clock.instant().isBefore(limit)) {
                c.step(Duration.ofMinutes(20));
            }
            for (Recipient r : c.calls.recipients(b.id(), RecipientQuery.first(10))) {
                for (CallAttempt a : c.calls.attempts(r.id())) {
                    if (a.placedAt() == null) {
                        continue;
                    }
                    for (ZoneId z : ZoneKey.zones(r.zoneKey())) {
                        LocalTime t = LocalDateTime.ofInstant(a.placedAt(), z).toLocalTime();
                        assertThat(within(t, LocalTime.of(8, 0), LocalTime.of(21, 0)))
                                .as("%s dialed at %s local %s", r.name(), a.placedAt(), z).isTrue();
                        assertThat(within(t, rule.start(), rule.end())).as("%s at %s in %s", r.name(), t, z).isTrue();
                        CallWindow w = local ? window.withZone(z) : window;
                        assertThat(w.isOpen(a.claimedAt())).isTrue();
                    }
                }
            }
        }
    }
}
