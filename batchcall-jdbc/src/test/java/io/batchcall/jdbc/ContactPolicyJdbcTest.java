package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.model.Tariff;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.policy.FrequencyCap;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The contact policy across engine nodes sharing one database: the frequency cap holds when two
 * batches of one account dial the same numbers on two engines at once, and a number suppressed
 * through one engine is skipped by a batch another engine sends afterwards.
 */
abstract class ContactPolicyJdbcTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final int NUMBERS = 12;

    abstract TestDb db();

    private static BatchCalls engine(DataSource ds, MutableClock clock, SimulatedTelephony carrier, String node,
            ContactPolicy policy) {
        return BatchCalls.builder(JdbcStorage.builder(ds).clock(clock).build(), carrier,
                        JdbcCreditLedger.builder(ds).clock(clock).build())
                .clock(clock).nodeName(node).dialThreads(3).contactPolicy(policy)
                .tariff(Tariff.of(Money.usd("0.01"))).lease(Duration.ofHours(1)).staleCallAfter(Duration.ofHours(1))
                .build();
    }

    private static List<NewRecipient> people() {
        List<NewRecipient> people = new ArrayList<>();
        for (int i = 0; i < NUMBERS; i++) {
            people.add(NewRecipient.of(PhoneNumber.of("+1212" + (3_000_000 + i)), "Person " + i));
        }
        return people;
    }

    private static BatchSpec.Builder spec(String name) {
        return BatchSpec.builder(name, ACME, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("America/New_York")));
    }

    @Test
    void twoBatchesOnTwoEnginesNeverDialANumberMoreOftenThanTheCap() throws Exception {
        DataSource first = db().fresh(8);
        Migrations.apply(first);
        DataSource second = db().anotherPool(first, 8);
        MutableClock clock = MutableClock.at(START);
        // Every call is busy and retried, so without the cap each number would be dialed 8 times.
        SimulationSettings busy = SimulationSettings.ofDefaults().withMix(0, 1, 0, 0)
                .withRing(Duration.ofSeconds(1), Duration.ofSeconds(2));
        ContactPolicy policy = ContactPolicy.none().withFrequencyCap(new FrequencyCap(3, 0));
        RetryPolicy retry = RetryPolicy.on(EnumSet.of(RecipientStatus.BUSY), 4, Duration.ofMinutes(1));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try (SimulatedTelephony carrier = new SimulatedTelephony(clock, busy);
                BatchCalls a = engine(first, clock, carrier, "node-a", policy);
                BatchCalls b = engine(second, clock, carrier, "node-b", policy)) {
            carrier.connect(a.statusSink());
            JdbcCreditLedger.builder(first).build().topUp(ACME, Money.usd("100"), "seed");
            Batch one = a.createDraft(spec("one").retry(retry).build());
            a.addRecipients(one.id(), people());
            Batch two = b.createDraft(spec("two").retry(retry).build());
            b.addRecipients(two.id(), people());
            a.send(one.id());
            b.send(two.id());
            for (int step = 0; step < 240; step++) {
                clock.advance(Duration.ofSeconds(15));
                carrier.deliverDue();
                // Both nodes step at the same moment, each dialing the numbers of both batches.
                Future<Integer> fa = nodes.submit(a::runOnce);
                Future<Integer> fb = nodes.submit(b::runOnce);
                fa.get(60, TimeUnit.SECONDS);
                fb.get(60, TimeUnit.SECONDS);
            }
            Map<PhoneNumber, Integer> placed = new HashMap<>();
            for (Batch batch : List.of(one, two)) {
                for (Recipient r : a.recipients(batch.id(), RecipientQuery.first(100))) {
                    for (CallAttempt at : a.attempts(r.id())) {
                        if (at.placedAt() != null) {
                            placed.merge(r.phone(), 1, Integer::sum);
                        }
                    }
                }
            }
            assertThat(carrier.dialsPerNumber()).hasSize(NUMBERS);
            assertThat(carrier.dialsPerNumber().values()).allMatch(n -> n == 3);
            assertThat(placed.values()).allMatch(n -> n == 3);
            assertThat(a.batch(one.id()).counts().inFlight() + a.batch(two.id()).counts().inFlight()).isZero();
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aNumberSuppressedOnOneEngineIsSkippedByABatchAnotherEngineSends() {
        DataSource first = db().fresh(6);
        Migrations.apply(first);
        DataSource second = db().anotherPool(first, 6);
        MutableClock clock = MutableClock.at(START);
        SimulationSettings answered = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
                .withTalk(Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (SimulatedTelephony carrier = new SimulatedTelephony(clock, answered);
                BatchCalls a = engine(first, clock, carrier, "node-a", ContactPolicy.none());
                BatchCalls b = engine(second, clock, carrier, "node-b", ContactPolicy.none())) {
            carrier.connect(a.statusSink());
            JdbcCreditLedger.builder(first).build().topUp(ACME, Money.usd("100"), "seed");
            Batch one = a.createDraft(spec("one").build());
            a.addRecipients(one.id(), people());
            a.send(one.id());
            while (a.batch(one.id()).batch().status() != BatchStatus.COMPLETED) {
                clock.advance(Duration.ofSeconds(5));
                carrier.deliverDue();
                a.runOnce();
            }
            // An opt-out recorded during batch one, through engine A's facade.
            a.forAccount(ACME).contacts().optOut(PhoneNumber.of("+12123000003"), "opted out on the call");

            Batch two = b.createDraft(spec("two").build());
            b.addRecipients(two.id(), people());
            b.send(two.id());
            while (b.batch(two.id()).batch().status() != BatchStatus.COMPLETED) {
                clock.advance(Duration.ofSeconds(5));
                carrier.deliverDue();
                b.runOnce();
            }
            List<Recipient> skipped = b.recipients(two.id(), RecipientQuery.first(100)).stream()
                    .filter(r -> r.status() == RecipientStatus.SKIPPED).toList();
            assertThat(skipped).singleElement().satisfies(r -> {
                assertThat(r.phone()).isEqualTo(PhoneNumber.of("+12123000003"));
                assertThat(r.reason()).isEqualTo("do_not_call");
            });
            assertThat(carrier.dialsPerNumber().get(PhoneNumber.of("+12123000003"))).isEqualTo(1);
        }
    }
}
