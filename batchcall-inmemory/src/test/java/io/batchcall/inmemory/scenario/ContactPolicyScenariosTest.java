package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchWaiting;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.policy.CallingHours;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.policy.FrequencyCap;
import io.batchcall.policy.HoursRule;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contact policy end to end on the in-memory adapters, driven by a test clock. */
class ContactPolicyScenariosTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final SimulationSettings QUICK = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
            .withTalk(Duration.ofSeconds(20), Duration.ofSeconds(20));

    private static Recipient only(Campaign c, Batch b) {
        return c.calls.recipients(b.id(), RecipientQuery.first(10)).get(0);
    }

    private static List<Recipient> all(Campaign c, Batch b) {
        return c.calls.recipients(b.id(), RecipientQuery.first(100));
    }

    @Test
    void aUsRecipientWaitsForEightInTheMorningInItsOwnZone() {
        // Monday 14:00 UTC: 09:00 in New York, 06:00 in Los Angeles; the batch window is open all day.
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> x.contactPolicy(
                ContactPolicy.none().withHours(CallingHours.usFederal())))) {
            c.fund("10");
            Batch b = c.calls.createDraft(spec("floor").window(CallWindow.always(Campaign.NEW_YORK)).build());
            c.calls.addRecipients(b.id(), List.of(new NewRecipient(PhoneNumber.of("+12125550123"), "NY", Map.of(), ""),
                    new NewRecipient(PhoneNumber.of("+14155552671"), "LA", Map.of(), "America/Los_Angeles")));
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.carrier.placedCalls()).extracting(r -> r.to().e164()).containsExactly("+12125550123");
            Recipient la = all(c, b).stream().filter(r -> r.name().equals("LA")).findFirst().orElseThrow();
            assertThat(la.status()).isEqualTo(RecipientStatus.PENDING);
            Instant eightInLa = ZonedDateTime.of(2026, 3, 2, 8, 0, 0, 0, LA).toInstant();
            assertThat(la.notBefore()).isEqualTo(eightInLa);

            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofDays(1), Duration.ofMinutes(10));
            CallAttempt dialed = c.calls.attempts(la.id()).stream().filter(a -> a.placedAt() != null).findFirst()
                    .orElseThrow();
            assertThat(dialed.claimedAt()).isAfterOrEqualTo(eightInLa);
        }
    }

    @Test
    void aFloorForEveryoneKeepsTheBatchFromClaimingAtAll() {
        HoursRule quiet = HoursRule.daily("*", LocalTime.of(10, 0), LocalTime.of(20, 0), "host's own quiet hours");
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> x.contactPolicy(
                ContactPolicy.none().withHours(CallingHours.of(quiet))))) {
            c.fund("10");
            Batch b = c.draft(spec("quiet").window(CallWindow.always(Campaign.NEW_YORK)).build(), 3);
            var mine = c.calls.forAccount(ACCOUNT);
            assertThat(mine.waiting(b.id())).get().extracting(BatchWaiting::reason).isEqualTo(BatchWaiting.Reason.DRAFT);
            c.calls.send(b.id());
            c.step(Duration.ofMinutes(30));
            assertThat(c.carrier.placedCalls()).isEmpty();
            Instant tenInNewYork = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, Campaign.NEW_YORK).toInstant();
            BatchWaiting waiting = mine.waiting(b.id()).orElseThrow();
            assertThat(waiting.reason()).isEqualTo(BatchWaiting.Reason.CALLING_HOURS);
            assertThat(waiting.until()).isEqualTo(tenInNewYork);
            assertThat(waiting.detail()).contains("legal calling hours");
            assertThat(all(c, b)).allMatch(r -> r.attempts() == 0 && c.calls.attempts(r.id()).isEmpty());
            c.step(Duration.ofMinutes(31)); // 10:01 in New York
            assertThat(c.carrier.placedCalls()).hasSize(3);
            assertThat(mine.waiting(b.id())).as("dialing: nothing holds it").isEmpty();
        }
    }

    @Test
    void anAccountBlackoutDateHoldsEveryDialUntilTheNextLocalDay() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> x.contactPolicy(
                ContactPolicy.none().withBlackoutDates(Set.of(monday))))) {
            c.fund("10");
            Batch b = c.draft(spec("closed").window(CallWindow.always(Campaign.NEW_YORK)).build(), 2);
            c.calls.send(b.id());
            c.runUntil(() -> !c.carrier.placedCalls().isEmpty(), Duration.ofDays(2), Duration.ofMinutes(15));
            Instant tuesday = monday.plusDays(1).atStartOfDay(Campaign.NEW_YORK).toInstant();
            assertThat(c.clock.instant()).isAfterOrEqualTo(tuesday).isBefore(tuesday.plus(Duration.ofMinutes(15)));
        }
    }

    @Test
    void aSuppressedNumberIsSkippedAndAnOptOutReachesTheNextBatch() {
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> { })) {
            c.fund("10");
            var contacts = c.calls.forAccount(ACCOUNT).contacts();
            contacts.suppress(Campaign.number(1), "asked not to be called");
            Batch first = c.draft(spec("first").build(), 0, 3);
            c.calls.send(first.id());
            c.runUntil(() -> c.status(first.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofMinutes(1));
            Recipient skipped = all(c, first).get(1);
            assertThat(skipped.status()).isEqualTo(RecipientStatus.SKIPPED);
            assertThat(skipped.reason()).isEqualTo("do_not_call");
            assertThat(c.carrier.dialsPerNumber()).doesNotContainKey(Campaign.number(1));

            // The outcomes code records an opt-out disposition through Engine.contacts().optOut, as this does.
            contacts.optOut(Campaign.number(2), "press 9 to opt out");
            Batch second = c.draft(spec("second").build(), 0, 3);
            c.calls.send(second.id());
            c.runUntil(() -> c.status(second.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofMinutes(1));
            assertThat(all(c, second)).filteredOn(r -> r.status() == RecipientStatus.SKIPPED)
                    .extracting(Recipient::phone).containsExactlyInAnyOrder(Campaign.number(1), Campaign.number(2));
            assertThat(contacts.suppression(Campaign.number(2)).orElseThrow().source()).isEqualTo("opt_out");
            assertThat(contacts.unsuppress(Campaign.number(1))).isTrue();
        }
    }

    @Test
    void anOptOutDispositionSuppressesTheNumberForTheNextBatchOnly() {
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> { })) {
            c.fund("10");
            var mine = c.calls.forAccount(ACCOUNT);
            List<DispositionCode> codes = List.of(DispositionCode.of("confirmed"),
                    new DispositionCode("opt_out", "Do not call again", true));
            Batch first = c.draft(spec("first").dispositions(codes).build(), 0, 3);
            c.calls.send(first.id());
            c.runUntil(() -> c.status(first.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofMinutes(1));
            List<Recipient> called = all(c, first);
            CallAttempt optedOut = c.calls.attempts(called.get(1).id()).get(0);
            CallAttempt confirmed = c.calls.attempts(called.get(2).id()).get(0);
            mine.disposition(optedOut.id(), "opt_out", Map.of("summary", "asked to be removed"));
            mine.disposition(optedOut.id(), "opt_out", Map.of("summary", "asked to be removed")); // repeated: harmless
            mine.disposition(confirmed.id(), "confirmed", Map.of());
            assertThat(mine.contacts().suppression(Campaign.number(1)).orElseThrow().source()).isEqualTo("opt_out");
            assertThat(mine.contacts().suppression(Campaign.number(2))).isEmpty();

            Batch second = c.draft(spec("second").build(), 0, 3);
            c.calls.send(second.id());
            c.runUntil(() -> c.status(second.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofMinutes(1));
            assertThat(all(c, second)).filteredOn(r -> r.status() == RecipientStatus.SKIPPED)
                    .extracting(Recipient::phone, Recipient::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Campaign.number(1), "do_not_call"));
            assertThat(c.carrier.dialsPerNumber().get(Campaign.number(1))).isEqualTo(1);
        }
    }

    @Test
    void aLargeListLoadsFromCsvAndReportsBadRows() {
        try (Campaign c = new Campaign()) {
            StringBuilder csv = new StringBuilder("Phone Number;Note\n");
            for (int i = 0; i < 25_000; i++) {
                csv.append("(212) ").append(200 + i / 10_000).append('-').append(String.format("%04d", i % 10_000))
                        .append(";x\n");
            }
            csv.append("not a number;x\n1.23E+10;x\n(212) 200-0001;again\n");
            var report = c.calls.forAccount(ACCOUNT).contacts().importSuppressions(
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "US", "legacy list");
            assertThat(report.read()).isEqualTo(25_003);
            assertThat(report.added()).isEqualTo(25_000);
            assertThat(report.alreadyListed()).isEqualTo(1);
            assertThat(report.rejected()).isEqualTo(2);
            assertThat(report.firstRejections()).containsOnlyKeys(25_002L, 25_003L);
            assertThat(c.storage.contacts().suppressed(ACCOUNT, List.of(PhoneNumber.of("+12122021234")))).hasSize(1);
        }
    }

    @Test
    void theFrequencyCapHoldsASecondBatchUntilTheDayHasPassed() {
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> x.contactPolicy(
                ContactPolicy.none().withFrequencyCap(new FrequencyCap(1, 0))))) {
            c.fund("10");
            CallWindow always = CallWindow.always(Campaign.NEW_YORK);
            Batch first = c.draft(spec("first").window(always).build(), 0, 1);
            c.calls.send(first.id());
            c.step(Duration.ofSeconds(1));
            Instant firstDial = c.clock.instant();
            Batch second = c.draft(spec("second").window(always).build(), 0, 1);
            c.calls.send(second.id());
            c.step(Duration.ofSeconds(1));
            Recipient held = only(c, second);
            assertThat(held.status()).isEqualTo(RecipientStatus.PENDING);
            assertThat(held.notBefore()).isEqualTo(firstDial.plus(FrequencyCap.DAY));
            assertThat(c.calls.attempts(held.id())).singleElement().extracting(CallAttempt::reason)
                    .isEqualTo("frequency_cap");
            c.runUntil(() -> c.status(second.id()) == BatchStatus.COMPLETED, Duration.ofDays(2), Duration.ofMinutes(30));
            assertThat(c.carrier.dialsPerNumber().get(Campaign.number(0))).isEqualTo(2);
        }
    }

    @Test
    void retentionPurgesTheHistoryOfOldBatchesAndKeepsTheirCounts() {
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> x.retention(Duration.ofDays(30))
                .reconcileInterval(Duration.ZERO))) {
            c.fund("10");
            Batch b = c.draft(spec("old").build(), 0, 3);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofMinutes(1));
            assertThat(c.storage.events().after(ACCOUNT, 0, 1000)).anyMatch(e -> e.batchId().equals(b.id()));
            c.step(Duration.ofDays(31));
            assertThat(c.storage.events().after(ACCOUNT, 0, 1000)).noneMatch(e -> e.batchId().equals(b.id()));
            assertThat(all(c, b)).allMatch(r -> c.calls.attempts(r.id()).isEmpty());
            assertThat(c.summary(b.id()).counts().completed()).isEqualTo(3);
        }
    }

    @Test
    void erasureThroughTheFacade() {
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, QUICK, x -> { })) {
            c.fund("10");
            Batch b = c.draft(spec("erase").build(), 0, 2);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofMinutes(1));
            var erased = c.calls.forAccount(ACCOUNT).contacts().erase(Campaign.number(1));
            assertThat(erased.recipients()).isEqualTo(1);
            assertThat(all(c, b)).extracting(Recipient::phone).doesNotContain(Campaign.number(1));
            assertThat(c.summary(b.id()).counts().completed()).isEqualTo(2);
        }
    }

}
