package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.BatchCalls;
import io.batchcall.NotFoundException;
import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.DeliverySettings;
import io.batchcall.delivery.StartAt;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.SubscriptionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Durable consumers on the in-memory storage, driven by the clock: acknowledged events are not
 * offered again, a failing event is retried after the backoff the core chose and in order, the
 * last allowed failure dead-letters it and delivery moves on, a dead letter is redelivered on
 * request, and a consumer whose node stops is taken over after its lease, fenced by the version.
 */
class DurableConsumerScenarioTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final DeliverySettings SETTINGS = DeliverySettings.ofDefaults().withMaxAttempts(3)
            .withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5)).withLease(LEASE);

    private static Campaign campaign() {
        return new Campaign(Campaign.MONDAY_9AM, SimulationSettings.ofDefaults(),
                b -> b.delivery(SETTINGS).deliveryJitter(() -> 0.0).nodeName("node-a"));
    }

    /** Runs a small campaign to its end so the account's log holds a few dozen events. */
    private static long runCampaign(Campaign c, int recipients) {
        c.fund("10");
        Batch b = c.draft(Campaign.spec("consumers").build(), recipients);
        c.calls.send(b.id());
        c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofSeconds(5));
        return c.storage.events().latest(ACCOUNT);
    }

    private static BatchCalls secondNode(Campaign c, String name) {
        return BatchCalls.builder(c.storage, c.carrier, c.ledger).clock(c.clock).nodeName(name).delivery(SETTINGS)
                .deliveryJitter(() -> 0.0).build();
    }

    private static List<Long> sequences(List<StatusEvent> events) {
        return events.stream().map(StatusEvent::sequence).toList();
    }

    private static List<Long> oneTo(long n) {
        List<Long> out = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void everyEventIsDeliveredOnceInOrderFromTheStoredCursor() throws Exception {
        try (Campaign c = campaign()) {
            long latest = runCampaign(c, 5);
            List<StatusEvent> got = new ArrayList<>();
            try (AutoCloseable h = c.calls.forAccount(ACCOUNT).consume("crm", StartAt.OLDEST, got::add)) {
                while (c.calls.runDeliveryOnce() > 0) {
                    c.clock.advance(Duration.ofSeconds(1));
                }
                assertThat(sequences(got)).isEqualTo(oneTo(latest));
                assertThat(c.calls.runDeliveryOnce()).isZero();
            }
            assertThat(c.storage.subscriptions().find(new SubscriptionKey("crm", ACCOUNT)).orElseThrow().cursor())
                    .isEqualTo(latest);
            assertThat(c.storage.subscriptions().find(new SubscriptionKey("crm", ACCOUNT)).orElseThrow().owner())
                    .as("closing the handle releases the lease").isNull();
        }
    }

    @Test
    void aConsumerStartingAtTheLatestEventSeesOnlyLaterOnes() throws Exception {
        try (Campaign c = campaign()) {
            long before = runCampaign(c, 2);
            List<StatusEvent> got = new ArrayList<>();
            try (AutoCloseable h = c.calls.consume("late", ACCOUNT, StartAt.LATEST, got::add)) {
                c.calls.runDeliveryOnce();
                assertThat(got).isEmpty();
                long after = runCampaign(c, 2);
                c.calls.runDeliveryOnce();
                assertThat(sequences(got)).isEqualTo(oneTo(after).subList((int) before, (int) after));
            }
        }
    }

    @Test
    void aFailingEventIsRetriedAfterItsBackoffAndNothingOvertakesIt() throws Exception {
        try (Campaign c = campaign()) {
            long latest = runCampaign(c, 3);
            List<Long> acked = new ArrayList<>();
            AtomicInteger failuresOf4 = new AtomicInteger();
            try (AutoCloseable h = c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> {
                if (e.sequence() == 4 && failuresOf4.getAndIncrement() < 2) {
                    throw new IllegalStateException("crm down");
                }
                acked.add(e.sequence());
            })) {
                c.calls.runDeliveryOnce();
                assertThat(acked).containsExactly(1L, 2L, 3L);
                c.clock.advance(Duration.ofSeconds(4));
                c.calls.runDeliveryOnce();
                assertThat(failuresOf4).as("5 s wait (half of 10 s, jitter 0) not over").hasValue(1);
                c.clock.advance(Duration.ofSeconds(1));
                c.calls.runDeliveryOnce();
                assertThat(failuresOf4).hasValue(2);
                assertThat(acked).containsExactly(1L, 2L, 3L);
                c.clock.advance(Duration.ofSeconds(10)); // second failure waits 10 s (half of 20 s)
                c.calls.runDeliveryOnce();
                assertThat(acked).isEqualTo(oneTo(latest));
                assertThat(c.calls.deadLetters("crm", ACCOUNT, 0, 10)).isEmpty();
            }
        }
    }

    @Test
    void theLastAllowedFailureDeadLettersTheEventAndARedeliveryTakesItOut() throws Exception {
        try (Campaign c = campaign()) {
            long latest = runCampaign(c, 3);
            List<Long> acked = new ArrayList<>();
            Map<Long, Integer> tries = new ConcurrentHashMap<>();
            boolean[] healed = {false};
            try (AutoCloseable h = c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> {
                tries.merge(e.sequence(), 1, Integer::sum);
                if (e.sequence() == 2 && !healed[0]) {
                    throw new IllegalArgumentException("cannot map event 2");
                }
                acked.add(e.sequence());
            })) {
                for (int i = 0; i < 5; i++) {
                    c.calls.runDeliveryOnce();
                    c.clock.advance(Duration.ofMinutes(1));
                }
                assertThat(tries.get(2L)).isEqualTo(3);
                List<Long> expected = new ArrayList<>(oneTo(latest));
                expected.remove(Long.valueOf(2));
                assertThat(acked).as("delivery moved on past the dead letter").isEqualTo(expected);
                List<DeadLetter> dead = c.calls.forAccount(ACCOUNT).deadLetters("crm", 0, 10);
                assertThat(dead).hasSize(1);
                assertThat(dead.get(0).event().sequence()).isEqualTo(2);
                assertThat(dead.get(0).attempts()).isEqualTo(3);
                assertThat(dead.get(0).lastError()).isEqualTo("java.lang.IllegalArgumentException: cannot map event 2");
                assertThat(dead.get(0).consumer()).isEqualTo("crm");

                assertThatThrownBy(() -> c.calls.redeliver("crm", ACCOUNT, 999)).isInstanceOf(NotFoundException.class);
                c.calls.forAccount(ACCOUNT).redeliver("crm", dead.get(0).id());
                c.calls.runDeliveryOnce();
                assertThat(tries.get(2L)).isEqualTo(4);
                DeadLetter stillDead = c.calls.deadLetters("crm", ACCOUNT, 0, 10).get(0);
                assertThat(stillDead.attempts()).isEqualTo(4);
                assertThat(stillDead.redeliveryRequested()).isFalse();

                healed[0] = true;
                assertThat(c.calls.redeliver("crm", ACCOUNT, 0)).isEqualTo(1);
                c.calls.runDeliveryOnce();
                assertThat(acked).endsWith(2L);
                assertThat(c.calls.deadLetters("crm", ACCOUNT, 0, 10)).isEmpty();
            }
        }
    }

    @Test
    void aStoppedNodesConsumerIsTakenOverAfterItsLeaseWithoutLoss() throws Exception {
        try (Campaign c = campaign(); BatchCalls b = secondNode(c, "node-b")) {
            long latest = runCampaign(c, 4);
            List<Long> onA = new ArrayList<>();
            List<Long> onB = new ArrayList<>();
            AutoCloseable ha = c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> {
                if (e.sequence() > 5) {
                    throw new IllegalStateException("node A is dying");
                }
                onA.add(e.sequence());
            });
            try (AutoCloseable hb = b.consume("crm", ACCOUNT, StartAt.OLDEST, e -> onB.add(e.sequence()))) {
                c.calls.runDeliveryOnce(); // A holds the lease, delivers 1-5, fails 6 and "dies"
                assertThat(onA).isEqualTo(oneTo(5));
                b.runDeliveryOnce();
                assertThat(onB).as("A's lease is still valid").isEmpty();
                c.clock.advance(LEASE);
                b.runDeliveryOnce();
                assertThat(onB).as("B resumes from A's stored cursor").isEqualTo(oneTo(latest).subList(5, (int) latest));
                assertThat(c.storage.subscriptions().find(new SubscriptionKey("crm", ACCOUNT)).orElseThrow().owner())
                        .isEqualTo("node-b");
                c.calls.runDeliveryOnce();
                assertThat(onA).as("A no longer delivers").isEqualTo(oneTo(5));
            }
            ha.close();
        }
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverMidEventWritesNothingMore() throws Exception {
        try (Campaign c = campaign(); BatchCalls b = secondNode(c, "node-b")) {
            long latest = runCampaign(c, 3);
            List<Long> onA = new ArrayList<>();
            List<Long> onB = new ArrayList<>();
            try (AutoCloseable hb = b.consume("crm", ACCOUNT, StartAt.OLDEST, e -> onB.add(e.sequence()));
                    AutoCloseable ha = c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> {
                        if (e.sequence() == 3) { // A stalls longer than its lease; B takes over meanwhile
                            c.clock.advance(LEASE.plusSeconds(1));
                            b.runDeliveryOnce();
                        }
                        onA.add(e.sequence());
                    })) {
                c.calls.runDeliveryOnce();
                assertThat(onA).as("A stops after the event it was stuck in").containsExactly(1L, 2L, 3L);
                assertThat(onB).as("B delivers from A's last stored cursor: event 3 twice in all, none lost")
                        .isEqualTo(oneTo(latest).subList(2, (int) latest));
                SubscriptionKey key = new SubscriptionKey("crm", ACCOUNT);
                assertThat(c.storage.subscriptions().find(key).orElseThrow().cursor()).isEqualTo(latest);
                assertThat(c.storage.subscriptions().find(key).orElseThrow().version()).isEqualTo(2);
            }
        }
    }

    @Test
    void closingAnEngineReleasesItsLeasesSoAnotherTakesOverAtOnce() throws Exception {
        Campaign c = campaign();
        try (BatchCalls b = secondNode(c, "node-b")) {
            long latest = runCampaign(c, 2);
            List<Long> onB = new ArrayList<>();
            c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> { });
            try (AutoCloseable hb = b.consume("crm", ACCOUNT, StartAt.OLDEST, e -> onB.add(e.sequence()))) {
                c.calls.runDeliveryOnce();
                c.close();
                runCampaignOn(c, b);
                b.runDeliveryOnce();
                assertThat(onB).isNotEmpty().allMatch(s -> s > latest);
            }
        }
    }

    /** More events after engine A closed: B writes them through its own facade. */
    private static void runCampaignOn(Campaign c, BatchCalls b) {
        Batch batch = b.createDraft(Campaign.spec("later").build());
        b.addRecipients(batch.id(), Campaign.recipients(100, 1));
    }

    @Test
    void theEnginesOwnDeliveryThreadsDeliverOffTheCallersThreadAndStopOnClose() throws Exception {
        Campaign c = campaign();
        long latest = runCampaign(c, 2);
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch((int) latest);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> {
            threads.add(Thread.currentThread().getName());
            all.countDown();
        });
        c.calls.start();
        try {
            assertThat(all.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("every event delivered").isTrue();
        } finally {
            c.close();
        }
        assertThat(threads).allMatch(t -> t.startsWith("batchcall-deliver-node-a-"));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("batchcall-deliver-node-a")
                || t.getName().startsWith("batchcall-delivery-node-a"));
        assertThat(c.storage.subscriptions().find(new SubscriptionKey("crm", ACCOUNT)).orElseThrow().owner())
                .as("close released the lease").isNull();
    }

    @Test
    void consumerNamesAreCheckedAndOneHandlerPerNode() throws Exception {
        try (Campaign c = campaign()) {
            assertThatThrownBy(() -> c.calls.consume("bad name", ACCOUNT, StartAt.OLDEST, e -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name'");
            assertThatThrownBy(() -> c.calls.consume("webhook-1", ACCOUNT, StartAt.OLDEST, e -> { }))
                    .hasMessageContaining("reserved for webhooks");
            try (AutoCloseable h = c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> { })) {
                assertThatThrownBy(() -> c.calls.consume("crm", ACCOUNT, StartAt.OLDEST, e -> { }))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("crm@acme");
            }
        }
    }
}
