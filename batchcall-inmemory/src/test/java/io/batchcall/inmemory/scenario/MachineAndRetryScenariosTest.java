package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.number;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.inmemory.SimulatedOutcome;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.spi.RecipientQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine policy each way, and retries per outcome landing at their times, on the simulated carrier. */
class MachineAndRetryScenariosTest {
    /** Friday 6 March 2026, 14:00 in New York (EST); the US changes to EDT on Sunday 8 March. */
    private static final Instant FRIDAY_2PM = Instant.parse("2026-03-06T19:00:00Z");
    private static final SimulationSettings SIM = SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1),
            Duration.ofSeconds(1)).withTalk(Duration.ofSeconds(60), Duration.ofSeconds(60));

    private static Recipient recipient(Campaign c, Batch b, int i) {
        return c.calls.recipients(b.id(), RecipientQuery.first(100)).stream()
                .filter(r -> r.phone().equals(number(i))).findFirst().orElseThrow();
    }

    private static List<CallAttempt> attempts(Campaign c, Batch b, int i) {
        return c.calls.attempts(recipient(c, b, i).id());
    }

    private Campaign machineAndHuman(MachinePolicy policy, RetryPolicy retry) {
        Campaign c = new Campaign(FRIDAY_2PM, SIM, x -> { });
        c.fund("100");
        c.carrier.script(number(0), SimulatedOutcome.MACHINE);
        c.carrier.script(number(1), SimulatedOutcome.ANSWERED);
        Batch b = c.draft(spec("machines").machinePolicy(policy).retry(retry).build(), 2);
        c.calls.send(b.id());
        return c;
    }

    private static Batch only(Campaign c) {
        return c.calls.history(io.batchcall.HistoryQuery.of(Campaign.ACCOUNT, 10)).get(0).batch();
    }

    @Test
    void withoutAPolicyNothingIsDetectedAndAMachineIsReached() {
        try (Campaign c = machineAndHuman(null, RetryPolicy.none())) {
            Batch b = only(c);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(5));
            assertThat(c.carrier.placedCalls()).allSatisfy(r -> assertThat(r.machinePolicy()).isNull());
            assertThat(attempts(c, b, 0)).singleElement().satisfies(a -> {
                assertThat(a.answeredBy()).isNull();
                assertThat(a.status()).isEqualTo(RecipientStatus.COMPLETED);
            });
        }
    }

    @Test
    void reachedRecordsWhoAnsweredAndRetriesNothing() {
        RetryPolicy retry = RetryPolicy.none().withOutcome("machine", OutcomeRetry.after(Duration.ofMinutes(5), 3));
        try (Campaign c = machineAndHuman(MachinePolicy.REACHED, retry)) {
            Batch b = only(c);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(5));
            assertThat(attempts(c, b, 0)).singleElement().satisfies(a -> {
                assertThat(a.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
                assertThat(a.talkTime()).isEqualTo(Duration.ofSeconds(60));
            });
            assertThat(attempts(c, b, 1)).singleElement()
                    .satisfies(a -> assertThat(a.answeredBy()).isEqualTo(AnsweredBy.HUMAN));
            assertThat(c.events).filteredOn(e -> e.status().equals("answered_by")).extracting(e -> e.detail())
                    .containsExactlyInAnyOrder("machine", "human");
        }
    }

    @Test
    void hangUpAndRetryEndsTheMachineCallAndDialsAgainInTheNextWindowAfterTwentyHours() {
        RetryPolicy retry = RetryPolicy.none().withOutcome("machine",
                OutcomeRetry.after(Duration.ofMinutes(10), 2).inNextWindowAfter(Duration.ofHours(20)));
        try (Campaign c = machineAndHuman(MachinePolicy.HANG_UP_AND_RETRY, retry)) {
            Batch b = only(c);
            c.runUntil(() -> !attempts(c, b, 0).isEmpty() && recipient(c, b, 0).status() == RecipientStatus.PENDING,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(1));
            CallAttempt first = attempts(c, b, 0).get(0);
            assertThat(first.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
            assertThat(first.talkTime()).as("hung up at detection, not after 60 s").isLessThan(Duration.ofSeconds(5));
            // Saturday 10:00 EST is 20 hours later, but the window is Mon-Fri: Monday 09:00 EDT, after the DST change.
            Instant monday9 = Instant.parse("2026-03-09T13:00:00Z");
            assertThat(recipient(c, b, 0).notBefore()).isEqualTo(monday9);
            c.runUntil(() -> attempts(c, b, 0).size() == 2, Duration.ofDays(4), Duration.ofMinutes(1));
            assertThat(attempts(c, b, 0).get(1).claimedAt()).isBetween(monday9, monday9.plusSeconds(59));
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(5));
            assertThat(attempts(c, b, 0)).as("two machine endings reach the rule's maximum").hasSize(2);
            assertThat(attempts(c, b, 1)).singleElement().satisfies(a -> {
                assertThat(a.answeredBy()).isEqualTo(AnsweredBy.HUMAN);
                assertThat(a.talkTime()).as("a human is not hung up on").isEqualTo(Duration.ofSeconds(60));
            });
        }
    }

    @Test
    void leaveMessageLetsTheCallRunAndRetriesOnlyByRule() {
        try (Campaign c = machineAndHuman(MachinePolicy.LEAVE_MESSAGE, RetryPolicy.none())) {
            Batch b = only(c);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(5));
            assertThat(c.carrier.placedCalls()).allSatisfy(r -> assertThat(r.machinePolicy())
                    .isEqualTo(MachinePolicy.LEAVE_MESSAGE));
            assertThat(attempts(c, b, 0)).singleElement().satisfies(a -> {
                assertThat(a.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
                assertThat(a.talkTime()).as("the message was left").isEqualTo(Duration.ofSeconds(60));
            });
        }
    }

    @Test
    void busyAndNoAnswerAreRetriedAtTheirOwnTimesAcrossTheWeekendAndTheDstChange() {
        RetryPolicy retry = RetryPolicy.none()
                .withOutcome("busy", OutcomeRetry.after(Duration.ofMinutes(10), 3).withBackoff(2.0))
                .withOutcome("no_answer", OutcomeRetry.after(Duration.ZERO, 2).inNextWindowAfter(Duration.ofHours(20)));
        try (Campaign c = new Campaign(FRIDAY_2PM, SIM, x -> { })) {
            c.fund("100");
            c.carrier.script(number(0), SimulatedOutcome.BUSY);
            c.carrier.script(number(1), SimulatedOutcome.NO_ANSWER);
            Batch b = c.draft(spec("outcomes").retry(retry).build(), 2);
            c.calls.send(b.id());
            c.runUntil(() -> attempts(c, b, 0).size() == 3 && recipient(c, b, 0).status() == RecipientStatus.BUSY,
                    Duration.ofHours(2), Duration.ofSeconds(1));
            List<CallAttempt> busy = attempts(c, b, 0);
            assertThat(busy.get(1).claimedAt()).isEqualTo(busy.get(0).endedAt().plus(Duration.ofMinutes(10)));
            assertThat(busy.get(2).claimedAt()).isEqualTo(busy.get(1).endedAt().plus(Duration.ofMinutes(20)));

            CallAttempt unanswered = attempts(c, b, 1).get(0);
            Instant monday = Instant.parse("2026-03-09T13:00:00Z"); // Saturday ~10:00 EST → Monday 09:00 EDT
            assertThat(unanswered.endedAt()).isBefore(FRIDAY_2PM.plus(Duration.ofMinutes(2)));
            assertThat(recipient(c, b, 1).notBefore()).isEqualTo(monday);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofDays(4), Duration.ofMinutes(1));
            assertThat(attempts(c, b, 1)).hasSize(2);
            assertThat(attempts(c, b, 1).get(1).claimedAt()).isBetween(monday, monday.plusSeconds(59));
        }
    }
}
