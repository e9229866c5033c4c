package io.batchcall.jdbc.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.AccountWebhooks;
import io.batchcall.BatchCalls;
import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.DeliverySettings;
import io.batchcall.delivery.Webhook;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.jdbc.Migrations;
import io.batchcall.jdbc.TestDb;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.Storage;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import io.batchcall.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on a database shared by two engines (two nodes, each with its own pool), a
 * simulated carrier and a real HTTP receiver that verifies signatures: the receiver fails the
 * first deliveries, answers some too slowly, and is down for a while; node A stops for good
 * mid-campaign without releasing its lease, and node B takes over once it has expired. Every event
 * arrives at least once, in order per batch, signed; time is the test's clock, and the only real
 * waiting is the receiver's slow answers and the sender's timeouts.
 */
abstract class WebhookEndToEndTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final String SECRET = "whsec_0123456789abcdef";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofMillis(500);

    abstract TestDb db();

    private static BatchCalls engine(DataSource ds, MutableClock clock, SimulatedTelephony carrier, String node,
            DeliverySettings delivery) {
        Storage storage = JdbcStorage.builder(ds).clock(clock).build();
        return BatchCalls.builder(storage, carrier, JdbcCreditLedger.builder(ds).clock(clock).build()).clock(clock)
                .nodeName(node).dialThreads(2).accountLimits(new AccountLimits(4, 0))
                .tariff(Tariff.of(Money.usd("0.01"))).lease(Duration.ofHours(1)).staleCallAfter(Duration.ofHours(1))
                .delivery(delivery).deliveryJitter(() -> 0.5).build();
    }

    private static Batch campaign(BatchCalls calls, String name, int people, int first) {
        BatchSpec spec = BatchSpec.builder(name, ACME, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("America/New_York"))).build();
        Batch b = calls.createDraft(spec);
        List<NewRecipient> list = new ArrayList<>();
        for (int i = first; i < first + people; i++) {
            list.add(NewRecipient.of(PhoneNumber.of("+1212" + (2_000_000 + i)), "Person " + i));
        }
        calls.addRecipients(b.id(), list);
        calls.send(b.id());
        return b;
    }

    private static void until(MutableClock clock, Duration max, BooleanSupplier done, Runnable step) {
        Instant limit = clock.instant().plus(max);
        while (!done.getAsBoolean()) {
            assertThat(clock.instant()).as("not reached within %s of clock time", max).isBefore(limit);
            clock.advance(STEP);
            step.run();
        }
    }

    @Test
    void everyEventArrivesSignedAtLeastOnceInOrderPerBatchAcrossFailuresAndATakeOver() throws Exception {
        DataSource first = db().fresh(6);
        Migrations.apply(first);
        DataSource second = db().anotherPool(first, 6);
        MutableClock clock = MutableClock.at(START);
        DeliverySettings delivery = DeliverySettings.ofDefaults().withMaxAttempts(100).withLease(LEASE)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400));
        SimulationSettings sim = SimulationSettings.ofDefaults().withSeed(7)
                .withRing(Duration.ofSeconds(1), Duration.ofSeconds(4)).withTalk(Duration.ofSeconds(5), Duration.ofSeconds(20));
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, clock);
                SimulatedTelephony carrier = new SimulatedTelephony(clock, sim);
                BatchCalls a = engine(first, clock, carrier, "node-a", delivery);
                BatchCalls b = engine(second, clock, carrier, "node-b", delivery)) {
            carrier.connect(a.statusSink());
            JdbcCreditLedger.builder(first).build().topUp(ACME, Money.usd("100"), "seed");
            Webhook hook = a.forAccount(ACME).webhooks().register(receiver.url(), SECRET);
            assertThat(b.forAccount(ACME).webhooks().list()).extracting(Webhook::id).containsExactly(hook.id());
            receiver.failFirst = 3;
            receiver.slowEvery = 9;
            receiver.slowFor = Duration.ofMillis(700); // beyond the sender's 400 ms: a timeout, then a retry

            Batch one = campaign(a, "one", 12, 0);
            Batch two = campaign(a, "two", 12, 100);
            SubscriptionKey key = new SubscriptionKey(hook.consumer(), ACME);
            JdbcStorage storage = JdbcStorage.builder(first).build();

            // Phase 1: both engines dial; node A delivers webhooks until it has delivered 15 events.
            until(clock, Duration.ofHours(1), () -> receiver.accepted.size() >= 15, () -> {
                carrier.deliverDue();
                a.runOnce();
                b.runOnce();
                a.runDeliveryOnce();
            });
            assertThat(storage.subscriptions().find(key).orElseThrow().owner()).isEqualTo("node-a");

            // Node A stops for good (never closed, lease not released). The receiver goes down a while.
            receiver.down();
            for (int i = 0; i < 20; i++) {
                clock.advance(STEP);
                carrier.deliverDue();
                b.runOnce();
                assertThat(b.runDeliveryOnce()).as("A's lease is valid: B waits").isZero();
            }
            receiver.up();

            // Phase 2: B finishes the campaigns and, once A's lease expired, delivers from A's cursor.
            until(clock, Duration.ofHours(2), () -> done(storage, key, a, one, two), () -> {
                carrier.deliverDue();
                b.runOnce();
                b.runDeliveryOnce();
            });

            SubscriptionState row = storage.subscriptions().find(key).orElseThrow();
            assertThat(row.owner()).isEqualTo("node-b");
            assertThat(row.version()).isGreaterThanOrEqualTo(2);
            long latest = storage.events().latest(ACME);
            assertThat(row.cursor()).isEqualTo(latest);
            assertThat(receiver.forged).hasValue(0);
            assertThat(receiver.refused.get()).isGreaterThanOrEqualTo(3);

            Set<Long> arrived = new HashSet<>();
            receiver.accepted.forEach(x -> arrived.add(x.sequence()));
            for (long s = 1; s <= latest; s++) {
                assertThat(arrived).as("event %d arrived", s).contains(s);
            }
            Map<Long, Long> newestPerBatch = new HashMap<>();
            Set<Long> seen = new HashSet<>();
            for (WebhookReceiver.Arrival x : receiver.accepted) {
                long newest = newestPerBatch.getOrDefault(x.batch(), 0L);
                if (x.sequence() < newest) {
                    assertThat(seen).as("event %d after %d of batch %d: only a repeat may go back", x.sequence(),
                            newest, x.batch()).contains(x.sequence());
                }
                newestPerBatch.merge(x.batch(), x.sequence(), Math::max);
                seen.add(x.sequence());
            }
            assertThat(newestPerBatch).containsKeys(one.id().value(), two.id().value());
            WebhookReceiver.Arrival sample = receiver.accepted.get(0);
            assertThat(sample.body()).startsWith("{\"sequence\":").contains("\"account\":\"acme\"", "\"type\":",
                    "\"status\":", "\"at\":\"2026-03-02T");
            assertThat(b.forAccount(ACME).webhooks().deadLetters(10)).isEmpty();
        }
    }

    private static boolean done(JdbcStorage storage, SubscriptionKey key, BatchCalls calls, Batch... batches) {
        for (Batch b : batches) {
            if (calls.batch(b.id()).batch().status() != BatchStatus.COMPLETED) {
                return false;
            }
        }
        SubscriptionState row = storage.subscriptions().find(key).orElseThrow();
        return row.cursor() == storage.events().latest(ACME) && "node-b".equals(row.owner());
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredVisibleAndRedeliveredOnRequest() throws Exception {
        DataSource ds = db().fresh(4);
        Migrations.apply(ds);
        MutableClock clock = MutableClock.at(START);
        DeliverySettings delivery = DeliverySettings.ofDefaults().withMaxAttempts(2).withLease(LEASE)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, clock);
                SimulatedTelephony carrier = new SimulatedTelephony(clock, SimulationSettings.ofDefaults());
                BatchCalls a = engine(ds, clock, carrier, "node-a", delivery)) {
            AccountWebhooks hooks = a.forAccount(ACME).webhooks();
            assertThatThrownBy(() -> hooks.register("http://hooks.example.com/x", SECRET))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
            assertThatThrownBy(() -> hooks.register("https://u:p@example.com/x", SECRET))
                    .hasMessageContaining("user-info");
            Webhook hook = hooks.register(receiver.url(), SECRET);
            receiver.refuse = s -> s == 2;
            for (String name : List.of("dl1", "dl2", "dl3")) { // events 1, 2, 3: each draft's creation
                a.createDraft(BatchSpec.builder(name, ACME, PhoneNumber.of("+14155552000"),
                        CallWindow.always(ZoneId.of("America/New_York"))).build());
            }
            long latest = JdbcStorage.builder(ds).build().events().latest(ACME);
            assertThat(latest).isGreaterThanOrEqualTo(3);

            until(clock, Duration.ofMinutes(5), () -> hooks.deadLetters(10).size() == 1
                    && receiver.accepted.stream().anyMatch(x -> x.sequence() == latest), a::runDeliveryOnce);
            assertThat(receiver.accepted).extracting(WebhookReceiver.Arrival::sequence).as("moved on past it")
                    .contains(1L, latest);
            DeadLetter dead = hooks.deadLetters(10).get(0);
            assertThat(dead.event().sequence()).isEqualTo(2);
            assertThat(dead.attempts()).isEqualTo(2);
            assertThat(dead.lastError()).startsWith("HTTP 503");
            assertThat(dead.consumer()).isEqualTo(hook.consumer());
            assertThat(receiver.accepted).extracting(WebhookReceiver.Arrival::sequence).doesNotContain(2L);

            receiver.refuse = s -> false;
            hooks.redeliver(hook.id(), dead.id());
            a.runDeliveryOnce();
            assertThat(receiver.accepted).extracting(WebhookReceiver.Arrival::sequence).contains(2L);
            assertThat(hooks.deadLetters(10)).isEmpty();

            hooks.remove(hook.id());
            assertThat(hooks.list()).isEmpty();
            int before = receiver.requests.get();
            a.createDraft(BatchSpec.builder("after", ACME, PhoneNumber.of("+14155552000"),
                    CallWindow.always(ZoneId.of("America/New_York"))).build());
            a.runDeliveryOnce();
            assertThat(receiver.requests).as("a removed webhook gets nothing").hasValue(before);
        }
    }
}
