package io.batchcall.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.EngineHealth;
import io.batchcall.StorageException;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.RecipientStore;
import io.batchcall.spi.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
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
            public void onEngineStep(Duration duration, Throwable error) {
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

    @Test
    void healthNamesTheFailingStepAndTheUnreachableStore() {
        InMemoryStorage real = InMemoryStorage.create();
        AtomicBoolean down = new AtomicBoolean();
        Storage flaky = new Storage() {
            @Override
            public BatchStore batches() {
                return failingWhen(down, BatchStore.class, real.batches());
            }

            @Override
            public RecipientStore recipients() {
                return real.recipients();
            }

            @Override
            public CallStore calls() {
                return real.calls();
            }

            @Override
            public EventLog events() {
                return failingWhen(down, EventLog.class, real.events());
            }
        };
        AtomicInteger failedSteps = new AtomicInteger();
        BatchCalls calls = BatchCalls.builder(flaky, new SimulatedTelephony(Clock.systemUTC(),
                SimulationSettings.ofDefaults()), InMemoryCreditLedger.create()).observer(new EngineObserver() {
                    @Override
                    public void onEngineStep(Duration duration, Throwable error) {
                        if (error != null) {
                            failedSteps.incrementAndGet();
                        }
                    }
                }).build();
        calls.runOnce();
        assertThat(calls.health().healthy()).isTrue();

        down.set(true);
        calls.runOnce();
        EngineHealth h = calls.health();
        assertThat(failedSteps.get()).isEqualTo(1);
        assertThat(h.lastStepError()).contains("database is down");
        assertThat(h.storeReachable()).isFalse();
        assertThat(h.storeError()).contains("database is down");
        assertThat(h.healthy()).isFalse();

        down.set(false);
        calls.runOnce();
        assertThat(calls.health().healthy()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T failingWhen(AtomicBoolean down, Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (down.get()) {
                throw new StorageException("database is down", true, null);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
