package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.number;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.inmemory.SimulatedOutcome;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.TelephonyException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierScenariosTest {
    @Test
    void outOfOrderAndDuplicateEventsAreAppliedMonotonically() {
        SimulationSettings quirky = SimulationSettings.ofDefaults().withQuirks(true, true)
                .withRing(Duration.ZERO, Duration.ZERO).withTalk(Duration.ofSeconds(1), Duration.ofSeconds(3));
        try (Campaign c = new Campaign(MONDAY_9AM, quirky, x -> { })) {
            c.fund("100");
            Batch b = c.draft(spec("quirky").build(), 50);
            c.calls.send(b.id());
            // Large steps let ringing, in_progress and the terminal event fall due together.
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(30));
            var counts = c.summary(b.id()).counts();
            assertThat(counts.completed() + counts.failed()).isEqualTo(50);
            c.assertEveryNumberDialedAtMostOnce();
            for (var r : c.calls.recipients(b.id(), RecipientQuery.first(100))) {
                CallAttempt a = c.calls.attempts(r.id()).get(0);
                assertThat(a.status()).isEqualTo(r.status());
                assertThat(a.cost()).isNotNull();
            }
            // A late duplicate of a terminal event changes nothing.
            var r0 = c.calls.recipients(b.id(), RecipientQuery.first(1)).get(0);
            CallAttempt a0 = c.calls.attempts(r0.id()).get(0);
            boolean applied = c.calls.statusSink().onCallStatus(new CallStatusUpdate(a0.id(), a0.providerCallId(),
                    RecipientStatus.RINGING, c.clock.instant(), null, null));
            assertThat(applied).isFalse();
            assertThat(c.calls.statusSink().onCallStatus(new CallStatusUpdate(AttemptId.of(999_999), "X",
                    RecipientStatus.COMPLETED, c.clock.instant(), Duration.ZERO, null))).isFalse();
        }
    }

    @Test
    void aCallWhoseTerminalEventNeverComesIsReconciledThroughLookup() {
        SimulationSettings answered = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
                .withTalk(Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (Campaign c = new Campaign(MONDAY_9AM, answered, x -> x.staleCallAfter(Duration.ofMinutes(5))
                .accountLimits(new AccountLimits(3, 0)))) {
            c.fund("100");
            c.carrier.loseTerminalEvents(true);
            Batch b = c.draft(spec("lost").build(), 6);
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.activeCalls(ACCOUNT)).isEqualTo(3);
            c.step(Duration.ofMinutes(4));
            assertThat(c.calls.activeCalls(ACCOUNT)).as("terminal events are lost, slots still held").isEqualTo(3);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofMinutes(1));
            assertThat(c.summary(b.id()).counts().completed()).isEqualTo(6);
            c.assertEveryNumberDialedAtMostOnce();
        }
    }

    @Test
    void claimsOfADeadEngineAreAdoptedOrDialedOnceAfterTheLease() {
        SimulationSettings answered = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0);
        try (Campaign c = new Campaign(MONDAY_9AM, answered, x -> x.lease(Duration.ofMinutes(2)))) {
            c.fund("100");
            Batch b = c.draft(spec("crash").build(), 4);
            c.calls.send(b.id());
            // A "dead" engine claims two recipients; it dialed the first and crashed before
            // recording it, and crashed before dialing the second.
            List<Claim> claims = c.storage.calls().claim(new ClaimRequest(b.id(), ACCOUNT, ConcurrencyPolicy.ofDefaults(),
                    c.clock.instant(), c.clock.instant().plus(Duration.ofMinutes(2)), "dead", 2, null));
            assertThat(claims).hasSize(2);
            Claim dialed = claims.get(0);
            c.carrier.place(new CallRequest(dialed.attempt().id(), b.id(), dialed.recipient().id(), ACCOUNT,
                    dialed.recipient().phone(), Campaign.FROM, null, "", java.util.Map.of(), Duration.ofSeconds(30)));
            c.step(Duration.ofSeconds(1));
            assertThat(c.carrier.placedCalls()).hasSize(3); // the live engine dials the two others only
            c.step(Duration.ofMinutes(3));
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(20));
            c.assertEveryNumberDialedAtMostOnce();
            assertThat(c.carrier.placedCalls()).hasSize(4);
            CallAttempt adopted = c.calls.attempts(dialed.recipient().id()).get(0);
            assertThat(adopted.providerCallId()).isNotNull();
            assertThat(adopted.status()).isEqualTo(RecipientStatus.COMPLETED);
            List<CallAttempt> second = c.calls.attempts(claims.get(1).recipient().id());
            assertThat(second).extracting(CallAttempt::status)
                    .containsExactly(RecipientStatus.SKIPPED, RecipientStatus.COMPLETED);
            assertThat(second.get(0).reason()).contains("no call");
        }
    }

    @Test
    void carrierErrorsAreClassified() {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            Batch b = c.draft(spec("errors").build(), 3);
            c.carrier.script(number(0), SimulatedOutcome.ANSWERED);
            c.carrier.failNextPlacement(number(0), new TelephonyException(TelephonyException.Kind.RETRYABLE,
                    "429 Too Many Requests", Duration.ofSeconds(20), null));
            c.carrier.failNextPlacement(number(1), new TelephonyException(TelephonyException.Kind.PERMANENT,
                    "21217: invalid phone number"));
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            var rs = c.calls.recipients(b.id(), RecipientQuery.first(10));
            assertThat(rs.get(0).status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(c.calls.attempts(rs.get(0).id())).hasSize(2);
            assertThat(rs.get(1).status()).isEqualTo(RecipientStatus.FAILED);
            assertThat(rs.get(1).reason()).contains("invalid phone number");

            Batch fatal = c.draft(spec("fatal").build(), 10, 3);
            c.carrier.failNextPlacement(number(10), new TelephonyException(TelephonyException.Kind.FATAL,
                    "20003: authentication failed"));
            c.calls.send(fatal.id());
            c.step(Duration.ofSeconds(1));
            Batch failed = c.summary(fatal.id()).batch();
            assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.failureReason()).contains("authentication failed");
        }
    }
}
