package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.number;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.RerunScope;
import io.batchcall.inmemory.SimulatedOutcome;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.spi.DialGuard;
import io.batchcall.spi.RecipientQuery;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleScenariosTest {
    private static final SimulationSettings ANSWER_ALL = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
            .withTalk(Duration.ofMinutes(2), Duration.ofMinutes(2));

    private static List<Recipient> all(Campaign c, Batch b) {
        return c.calls.recipients(b.id(), RecipientQuery.first(1000));
    }

    @Test
    void cancelSkipsPendingWhileCallsInFlightFinish() {
        try (Campaign c = new Campaign(MONDAY_9AM, ANSWER_ALL, x -> { })) {
            c.fund("100");
            Batch b = c.draft(spec("cancel").batchLimit(5).build(), 30);
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(5));
            assertThat(c.summary(b.id()).counts().inFlight()).isEqualTo(5);
            assertThat(c.calls.cancel(b.id()).status()).isEqualTo(BatchStatus.CANCELLED);
            var counts = c.summary(b.id()).counts();
            assertThat(counts.skipped()).isEqualTo(25);
            assertThat(counts.inFlight()).isEqualTo(5);
            c.runUntil(() -> c.summary(b.id()).counts().inFlight() == 0, Duration.ofMinutes(10), Duration.ofSeconds(10));
            assertThat(c.summary(b.id()).counts().completed()).isEqualTo(5);
            assertThat(c.status(b.id())).isEqualTo(BatchStatus.CANCELLED);
            assertThat(c.carrier.placedCalls()).hasSize(5);
            assertThat(all(c, b)).filteredOn(r -> r.status() == RecipientStatus.SKIPPED)
                    .allMatch(r -> "batch cancelled".equals(r.reason()));
            assertThatThrownBy(() -> c.calls.cancel(b.id())).hasMessageContaining("is cancelled");
        }
    }

    @Test
    void rerunAllAndUnreachedKeepTheAttemptHistory() {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            Batch b = c.draft(spec("rerun").build(), 6);
            c.carrier.script(number(0), SimulatedOutcome.BUSY);
            c.carrier.script(number(1), SimulatedOutcome.NO_ANSWER);
            for (int i = 2; i < 6; i++) {
                c.carrier.script(number(i), SimulatedOutcome.ANSWERED);
            }
            assertThatThrownBy(() -> c.calls.rerun(b.id(), RerunScope.ALL)).hasMessageContaining("is draft");
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            assertThat(c.summary(b.id()).counts().failed()).isEqualTo(2);

            c.calls.rerun(b.id(), RerunScope.UNREACHED);
            assertThat(c.summary(b.id()).counts().pending()).isEqualTo(2);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            assertThat(c.carrier.dialsPerNumber().get(number(0))).isEqualTo(2);
            assertThat(c.carrier.dialsPerNumber().get(number(2))).isEqualTo(1);

            c.calls.rerun(b.id(), RerunScope.ALL);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            assertThat(c.carrier.dialsPerNumber().get(number(0))).isEqualTo(3);
            assertThat(c.carrier.dialsPerNumber().get(number(2))).isEqualTo(2);
            Recipient first = all(c, b).get(0);
            assertThat(c.calls.attempts(first.id())).extracting(a -> a.status())
                    .containsExactly(RecipientStatus.BUSY, RecipientStatus.BUSY, RecipientStatus.BUSY);
        }
    }

    @Test
    void retriesOnlyTheConfiguredOutcomesAfterTheDelay() {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            RetryPolicy retry = RetryPolicy.on(EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), 3,
                    Duration.ofMinutes(30));
            Batch b = c.draft(spec("retry").retry(retry).build(), 3);
            c.carrier.script(number(0), SimulatedOutcome.BUSY);
            c.carrier.script(number(1), SimulatedOutcome.FAILED);
            c.carrier.script(number(2), SimulatedOutcome.ANSWERED);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(3), Duration.ofMinutes(1));
            assertThat(c.carrier.dialsPerNumber().get(number(0))).isEqualTo(3);
            assertThat(c.carrier.dialsPerNumber().get(number(1))).isEqualTo(1);
            assertThat(c.carrier.dialsPerNumber().get(number(2))).isEqualTo(1);
            var attempts = c.calls.attempts(all(c, b).get(0).id());
            assertThat(attempts).extracting(a -> a.number()).containsExactly(1, 2, 3);
            for (int i = 1; i < attempts.size(); i++) {
                assertThat(Duration.between(attempts.get(i - 1).endedAt(), attempts.get(i).claimedAt()))
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
            }
            assertThat(all(c, b).get(0).status()).isEqualTo(RecipientStatus.BUSY);
        }
    }

    @Test
    void dialGuardRefusalsAndFailuresSkipTheRecipient() {
        DialGuard guard = request -> {
            if (request.to().equals(number(0))) {
                return DialGuard.Decision.refuse("on the do-not-call list");
            }
            if (request.to().equals(number(1))) {
                throw new IllegalStateException("consent service down");
            }
            return DialGuard.Decision.allow();
        };
        try (Campaign c = new Campaign(MONDAY_9AM, ANSWER_ALL, x -> x.dialGuard(guard))) {
            c.fund("100");
            Batch b = c.draft(spec("guard").build(), 4);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            List<Recipient> rs = all(c, b);
            assertThat(rs.get(0).status()).isEqualTo(RecipientStatus.SKIPPED);
            assertThat(rs.get(0).reason()).isEqualTo("on the do-not-call list");
            assertThat(rs.get(1).status()).isEqualTo(RecipientStatus.SKIPPED);
            assertThat(rs.get(1).reason()).contains("consent service down");
            assertThat(c.carrier.placedCalls()).hasSize(2);
            assertThat(c.carrier.dialsPerNumber()).doesNotContainKeys(number(0), number(1));
        }
    }

    @Test
    void deadlineSkipsWhatIsStillPending() {
        try (Campaign c = new Campaign(MONDAY_9AM, ANSWER_ALL, x -> { })) {
            c.fund("100");
            Batch b = c.draft(spec("deadline").deadline(MONDAY_9AM.plus(Duration.ofMinutes(10)))
                    .batchLimit(1).build(), 20);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(30));
            var counts = c.summary(b.id()).counts();
            assertThat(counts.completed()).isBetween(3L, 6L);
            assertThat(counts.skipped()).isEqualTo(20 - counts.completed());
            assertThat(all(c, b)).filteredOn(r -> r.status() == RecipientStatus.SKIPPED)
                    .allMatch(r -> r.reason().contains("deadline"));
        }
    }

    @Test
    void manualPauseHoldsUntilResumed() {
        try (Campaign c = new Campaign(MONDAY_9AM, ANSWER_ALL, x -> { })) {
            c.fund("100");
            Batch b = c.draft(spec("pause").batchLimit(2).build(), 10);
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(1));
            c.calls.pause(b.id());
            int placed = c.carrier.placedCalls().size();
            c.runUntil(() -> c.summary(b.id()).counts().inFlight() == 0, Duration.ofMinutes(10), Duration.ofSeconds(10));
            c.step(Duration.ofMinutes(30));
            assertThat(c.carrier.placedCalls()).hasSize(placed);
            assertThat(c.status(b.id())).isEqualTo(BatchStatus.PAUSED);
            assertThatThrownBy(() -> c.calls.pause(c.calls.createDraft(spec("x").build()).id()))
                    .hasMessageContaining("only a running batch can be paused");
            c.calls.resume(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
        }
    }
}
