package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Money;
import io.batchcall.model.PauseReason;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class SlotsAndCreditScenariosTest {
    private static final SimulationSettings LONG_CALLS = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
            .withTalk(Duration.ofMinutes(3), Duration.ofMinutes(5));

    @Test
    void twoBatchesOfOneAccountShareTheCap() {
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, x -> x.accountLimits(new AccountLimits(10, 0)))) {
            c.fund("1000");
            Batch a = c.draft(spec("a").build(), 0, 40);
            Batch b = c.draft(spec("b").build(), 100, 40);
            c.calls.send(a.id());
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.activeCalls(ACCOUNT)).isEqualTo(10);
            // Fair: both batches got slots in the first step.
            assertThat(c.summary(a.id()).counts().inFlight()).isPositive();
            assertThat(c.summary(b.id()).counts().inFlight()).isPositive();
            c.runUntil(() -> c.status(a.id()) == BatchStatus.COMPLETED && c.status(b.id()) == BatchStatus.COMPLETED,
                    Duration.ofHours(4), Duration.ofSeconds(20));
            assertThat(c.maxActiveSeen).isEqualTo(10);
            assertThat(c.carrier.maxConcurrent(ACCOUNT)).isLessThanOrEqualTo(10);
            c.assertEveryNumberDialedAtMostOnce();
        }
    }

    @Test
    void reservedSlotsAndReportedInboundCallsStayFree() {
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, x -> x.accountLimits(new AccountLimits(10, 3)))) {
            c.fund("1000");
            Batch a = c.draft(spec("reserved").build(), 50);
            c.calls.send(a.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.activeCalls(ACCOUNT)).isEqualTo(7);
            c.calls.reportInboundCalls(ACCOUNT, 5);
            // Outbound calls end one by one; none is replaced while inbound + outbound >= 7.
            long previous = c.summary(a.id()).counts().inFlight();
            for (int i = 0; i < 60; i++) {
                c.step(Duration.ofSeconds(10));
                long now = c.summary(a.id()).counts().inFlight();
                assertThat(now).as("outbound calls after step %d", i).isLessThanOrEqualTo(Math.max(previous, 2));
                assertThat(c.calls.activeCalls(ACCOUNT)).isEqualTo(now + 5);
                previous = now;
            }
            c.runUntil(() -> c.summary(a.id()).counts().inFlight() <= 2, Duration.ofHours(1), Duration.ofSeconds(10));
            assertThat(c.summary(a.id()).counts().inFlight()).isEqualTo(2); // 7 - 5 inbound
            c.calls.reportInboundCalls(ACCOUNT, 0);
            c.step(Duration.ofSeconds(1));
            assertThat(c.summary(a.id()).counts().inFlight()).isEqualTo(7);
            assertThatThrownBy(() -> c.calls.reportInboundCalls(ACCOUNT, -1)).hasMessageContaining("-1");
        }
    }

    @Test
    void creditRunsOutPausesAndATopUpLetsTheBatchFinish() {
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, b -> { })) {
            // Each dial holds 0.005 + 0.01 = 0.015; a 3-5 minute call costs 0.035-0.055.
            c.fund("0.30");
            Batch b = c.draft(spec("credit").build(), 30);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.PAUSED, Duration.ofHours(1), Duration.ofSeconds(10));
            assertThat(c.summary(b.id()).batch().pauseReason()).isEqualTo(PauseReason.INSUFFICIENT_CREDIT);
            c.runUntil(() -> c.summary(b.id()).counts().inFlight() == 0, Duration.ofHours(1), Duration.ofSeconds(10));
            Money left = c.ledger.available(ACCOUNT, Currency.getInstance("USD"));
            assertThat(left.micros()).isGreaterThanOrEqualTo(0);
            assertThat(c.status(b.id())).isEqualTo(BatchStatus.PAUSED);
            long pending = c.summary(b.id()).counts().pending();
            assertThat(pending).isPositive();
            if (left.micros() < 15_000) {
                assertThatThrownBy(() -> c.calls.resume(b.id())).hasMessageContaining("top up");
            }
            c.fund("10");
            c.calls.resume(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(4), Duration.ofSeconds(20));
            assertThat(c.summary(b.id()).counts().completed()).isEqualTo(30);
            // Every capture is exact: the balance is the top-ups minus the sum of the attempts' costs.
            long spent = 0;
            for (var r : c.calls.recipients(b.id(), io.batchcall.spi.RecipientQuery.first(100))) {
                for (var a : c.calls.attempts(r.id())) {
                    spent += a.cost() == null ? 0 : a.cost().micros();
                }
            }
            assertThat(c.ledger.available(ACCOUNT, Currency.getInstance("USD")).micros())
                    .isEqualTo(10_300_000 - spent);
            c.assertEveryNumberDialedAtMostOnce();
        }
    }

    @Test
    void aPausedForCreditBatchContinuesByItselfAfterATopUp() {
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, b -> { })) {
            Batch b = c.draft(spec("auto").build(), 5);
            c.calls.send(b.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.summary(b.id()).batch().pauseReason()).isEqualTo(PauseReason.INSUFFICIENT_CREDIT);
            assertThat(c.carrier.placedCalls()).isEmpty();
            assertThat(c.summary(b.id()).counts().pending()).isEqualTo(5);
            c.fund("5");
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(20));
        }
    }

    @Test
    void dialsArePacedPerFromNumber() {
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, b -> b.callsPerSecond(1))) {
            c.fund("100");
            Batch b = c.draft(spec("paced").build(), 10);
            c.calls.send(b.id());
            for (int second = 0; second < 5; second++) {
                c.step(Duration.ofSeconds(1));
                assertThat(c.carrier.placedCalls()).hasSize(second + 1);
            }
            c.step(Duration.ofMillis(300));
            assertThat(c.carrier.placedCalls()).hasSize(5);
        }
    }
}
