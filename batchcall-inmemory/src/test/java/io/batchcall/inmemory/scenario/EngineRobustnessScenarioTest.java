package io.batchcall.inmemory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Telephony;
import io.batchcall.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The engine keeps its claims while the carrier is slow, and nothing a host plugs in can stop it. */
class EngineRobustnessScenarioTest {
    private static final AccountId ACCOUNT = AccountId.of("acme");

    /** A carrier whose placements wait until released; it knows no call by lookup. */
    private static final class SlowCarrier implements Telephony {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger placed = new AtomicInteger();

        @Override
        public PlacedCall place(CallRequest request) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PlacedCall("CA-" + placed.incrementAndGet());
        }

        @Override
        public Optional<CallInfo> lookup(LookupRequest attempt) {
            return Optional.empty();
        }

        @Override
        public void hangUp(String providerCallId) {
        }
    }

    private static Batch oneRecipient(BatchCalls calls) {
        Batch b = calls.createDraft(BatchSpec.builder("slow", ACCOUNT, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).build());
        calls.addRecipients(b.id(), List.of(NewRecipient.of(PhoneNumber.of("+14155550101"), "Ada")));
        calls.send(b.id());
        return b;
    }

    @Test
    void aCarrierSlowerThanTheLeaseKeepsItsClaimAndDialsOnce() throws Exception {
        MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));
        InMemoryStorage storage = InMemoryStorage.create(clock);
        InMemoryCreditLedger ledger = InMemoryCreditLedger.create();
        ledger.topUp(ACCOUNT, Money.usd("10"), "seed");
        SlowCarrier slow = new SlowCarrier();
        try (BatchCalls a = BatchCalls.builder(storage, slow, ledger).clock(clock).nodeName("a")
                .lease(Duration.ofSeconds(10)).reconcileInterval(Duration.ZERO).build();
                BatchCalls b = BatchCalls.builder(storage, slow, ledger).clock(clock).nodeName("b")
                        .lease(Duration.ofSeconds(10)).reconcileInterval(Duration.ZERO).build()) {
            Batch batch = oneRecipient(a);
            CompletableFuture<Integer> dialing = CompletableFuture.supplyAsync(a::runOnce);
            assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
            CallAttempt claimed = attempt(storage, batch);
            Instant firstLease = claimed.leaseUntil();

            clock.advance(Duration.ofSeconds(8));
            await(() -> attempt(storage, batch).leaseUntil().isAfter(firstLease), "the lease is extended");
            clock.advance(Duration.ofSeconds(8)); // past the first lease
            b.runOnce(); // the other node reconciles: the claim is not expired
            assertThat(attempt(storage, batch).status()).isEqualTo(RecipientStatus.CALLING);
            assertThat(attempt(storage, batch).owner()).isEqualTo("a");

            slow.release.countDown();
            assertThat(dialing.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            CallAttempt placed = attempt(storage, batch);
            assertThat(placed.status()).isEqualTo(RecipientStatus.INITIATED);
            assertThat(placed.providerCallId()).isEqualTo("CA-1");
            assertThat(slow.placed.get()).as("dialed once").isEqualTo(1);
        }
    }

    @Test
    void aListenerThatThrowsAnErrorDoesNotStopTheEngineLoop() throws Exception {
        try (Campaign c = new Campaign(Campaign.MONDAY_9AM, io.batchcall.inmemory.SimulationSettings.ofDefaults(),
                b -> b.pollInterval(Duration.ofMillis(10)).eventInterval(Duration.ofMillis(10)))) {
            c.fund("10");
            AtomicInteger seen = new AtomicInteger();
            c.calls.subscribe(ACCOUNT, new BatchListener() {
                @Override
                public void onRecipientEvent(StatusEvent e) {
                    seen.incrementAndGet();
                    throw new AssertionError("a host's listener broke");
                }
            });
            Batch b = c.draft(Campaign.spec("errors").build(), 3);
            c.calls.send(b.id());
            c.calls.start();
            await(() -> seen.get() >= 3, "recipient events keep coming after the listener threw");
            await(() -> c.carrier.placedCalls().size() == 3, "every recipient dialed");
        }
    }

    @Test
    void startAndStepsAfterCloseAreRefused() {
        Campaign c = new Campaign();
        c.close();
        assertThatThrownBy(c.calls::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(c.calls::runOnce).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static CallAttempt attempt(InMemoryStorage storage, Batch b) {
        var r = storage.recipients().list(b.id(), RecipientQuery.first(1)).get(0);
        return storage.calls().attempt(r.lastAttempt()).orElseThrow();
    }

    /** Waits for a condition another thread brings about, at most 15 s. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(20);
        }
    }
}
