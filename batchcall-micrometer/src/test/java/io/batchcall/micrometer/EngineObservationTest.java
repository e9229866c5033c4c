package io.batchcall.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.EngineHealth;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.spi.EngineObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The core's observation port as the binder relies on it: isolation of observers, and health. */
class EngineObservationTest {
    private static final AccountId ACME = AccountId.of("acme");

    @Test
    void aThrowingObserverChangesNothingAndLaterObserversStillHear() {
        AtomicInteger dials = new AtomicInteger();
        EngineObserver broken = new EngineObserver() {
            @Override
            public void onDialPlaced(AccountId account, Duration lag) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void onEngineStep(Duration duration, RuntimeException error) {
                throw new IllegalStateException("observer bug");
            }
        };
        EngineObserver counting = new EngineObserver() {
            @Override
            public void onDialPlaced(AccountId account, Duration lag) {
                dials.incrementAndGet();
            }
        };
        SimulatedCampaign c = new SimulatedCampaign(SimulatedCampaign.quickCalls(),
                b -> b.observer(broken).observer(counting));
        c.fund(ACME, "10");
        BatchId id = c.draft(ACME, 0, 5).id();
        c.calls.send(id);
        c.runToCompletion(List.of(id));

        assertThat(c.calls.batch(id).batch().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(dials.get()).isEqualTo(c.carrier.placedCalls().size()).isGreaterThanOrEqualTo(5);
        EngineHealth health = c.calls.health();
        assertThat(health.healthy()).isTrue();
        assertThat(health.lastSuccessfulStep()).isEqualTo(c.clock.instant());
        assertThat(health.stepOverdue(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void healthReportsAFailingStepAndAnUnreachableStore() {
        SimulatedCampaign c = new SimulatedCampaign(SimulatedCampaign.quickCalls(), b -> { });
        EngineHealth before = c.calls.health();
        assertThat(before.lastSuccessfulStep()).isNull();
        assertThat(before.stepOverdue(Duration.ofMinutes(1))).isTrue();
        assertThat(before.storeReachable()).isTrue();

        c.calls.runOnce();
        c.clock.advance(Duration.ofMinutes(2));
        EngineHealth later = c.calls.health();
        assertThat(later.lastStepError()).isNull();
        assertThat(later.stepOverdue(Duration.ofMinutes(1))).isTrue();
        assertThat(later.stepOverdue(Duration.ofMinutes(3))).isFalse();
    }
}
