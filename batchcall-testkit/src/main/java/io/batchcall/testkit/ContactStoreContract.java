package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.policy.FrequencyCap;
import io.batchcall.policy.NumberHash;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.Erasure;
import io.batchcall.spi.Suppression;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ContactStore}: the suppression list (add, remove, bulk, one-lookup check),
 * frequency reservations (the rule of {@link FrequencyCap}, atomic under concurrent threads),
 * erasure (no trace of the number left; counts kept) and the retention purge. Subclass it and
 * implement {@link #newStorage(java.time.Clock)}; a database backend also overrides
 * {@link #rawTextHolding(String)} so that erasure is checked in every text column.
 */
public abstract class ContactStoreContract extends StorageContractSupport {
    private static final PhoneNumber TARGET = new PhoneNumber("+14155550123");

    /**
     * Where {@code text} still occurs in the backend's raw data, e.g. {@code "bc_recipients.phone"}, for
     * every text column of every table; the default checks nothing beyond the port's reads.
     *
     * @param text the text to look for
     * @return the places holding it; empty when none
     */
    protected List<String> rawTextHolding(String text) {
        return List.of();
    }

    private ContactStore contacts() {
        return storage.contacts();
    }

    private Suppression entry(PhoneNumber p, String reason) {
        return new Suppression(p, reason, "host", now());
    }

    @Test
    void suppressionsAreAddedCheckedAndRemovedPerAccount() {
        assertThat(contacts().suppress(ACCOUNT, List.of(entry(phone(1), "asked"), entry(phone(2), "asked"),
                entry(phone(3), "asked")))).isEqualTo(3);
        assertThat(contacts().suppress(ACCOUNT, List.of(entry(phone(1), "again"), entry(phone(4), "new"))))
                .isEqualTo(1);
        assertThat(contacts().suppression(ACCOUNT, phone(1)).reason()).isEqualTo("asked");
        assertThat(contacts().suppression(ACCOUNT, phone(5))).isNull();
        assertThat(contacts().suppressed(ACCOUNT, List.of(phone(1), phone(2), phone(5), phone(4))))
                .containsExactlyInAnyOrder(phone(1), phone(2), phone(4));
        assertThat(contacts().suppressed(OTHER_ACCOUNT, List.of(phone(1), phone(2)))).isEmpty();
        assertThat(contacts().suppressed(ACCOUNT, List.of())).isEmpty();

        assertThat(contacts().unsuppress(ACCOUNT, phone(2))).isTrue();
        assertThat(contacts().unsuppress(ACCOUNT, phone(2))).isFalse();
        assertThat(contacts().suppressed(ACCOUNT, List.of(phone(1), phone(2)))).containsExactly(phone(1));
        Suppression s = contacts().suppression(ACCOUNT, phone(4));
        assertThat(s).isEqualTo(new Suppression(phone(4), "new", "host", T0));
    }

    @Test
    void aLargeListLoadsInChunks() {
        int total = 25_000;
        for (int from = 0; from < total; from += 10_000) {
            List<Suppression> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(total, from + 10_000); i++) {
                chunk.add(new Suppression(phone(i), "list", "import", now()));
            }
            assertThat(contacts().suppress(ACCOUNT, chunk)).isEqualTo(chunk.size());
        }
        List<PhoneNumber> sample = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sample.add(phone(i * 25 + (i % 2 == 0 ? 0 : total)));
        }
        assertThat(contacts().suppressed(ACCOUNT, sample)).hasSize(500);
    }

    @Test
    void reservationsFollowTheFrequencyRule() {
        FrequencyCap cap = new FrequencyCap(2, 3);
        Instant t = now();
        assertThat(contacts().reserveDials(ACCOUNT, List.of(phone(1), phone(2)), cap, t)).isEmpty();
        assertThat(contacts().reserveDials(ACCOUNT, List.of(phone(1)), cap, t.plusSeconds(3600))).isEmpty();
        Map<PhoneNumber, Instant> refused = contacts().reserveDials(ACCOUNT, List.of(phone(1), phone(2)), cap,
                t.plusSeconds(7200));
        assertThat(refused).containsExactly(Map.entry(phone(1), t.plus(FrequencyCap.DAY)));
        assertThat(contacts().reserveDials(OTHER_ACCOUNT, List.of(phone(1)), cap, t.plusSeconds(7200))).isEmpty();
        assertThat(contacts().reserveDials(ACCOUNT, List.of(phone(1)), cap, t.plus(FrequencyCap.DAY))).isEmpty();
        // Three in the week now: the fourth waits for the first to leave the week.
        assertThat(contacts().reserveDials(ACCOUNT, List.of(phone(1)), cap, t.plus(Duration.ofDays(3))))
                .containsExactly(Map.entry(phone(1), t.plus(FrequencyCap.WEEK)));
    }

    @Test
    void concurrentReservationsNeverExceedTheCap() throws Exception {
        FrequencyCap cap = new FrequencyCap(3, 0);
        List<PhoneNumber> phones = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            phones.add(phone(i));
        }
        int threads = 8;
        Map<PhoneNumber, AtomicInteger> allowed = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 4; round++) {
                        Map<PhoneNumber, Instant> refused = contacts().reserveDials(ACCOUNT, phones, cap,
                                now().plusSeconds(round));
                        for (PhoneNumber p : phones) {
                            if (!refused.containsKey(p)) {
                                allowed.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (PhoneNumber p : phones) {
            assertThat(allowed.get(p)).as("dials allowed to %s", p).hasValue(3);
        }
    }

    @Test
    void erasureLeavesNoTraceOfTheNumberAndKeepsCounts() {
        Batch first = running();
        importAll(first.id(), List.of(
                new NewRecipient(TARGET, "Ada Target", Map.of("callback", TARGET.e164(), "note", "x"),
                        "America/Los_Angeles"),
                new NewRecipient(phone(1), "Bob Other", Map.of(), "Europe/Berlin")));
        Claim call = claimOne(first);
        assertThat(call.recipient().phone()).isEqualTo(TARGET);
        assertThat(storage.calls().markPlaced(call.attempt().account(), call.attempt().id(), callId(call.attempt().id()), now())).isTrue();
        storage.calls().applyCarrierStatus(call.attempt().account(), call.attempt().id(), update(RecipientStatus.BUSY,
                "busy at " + TARGET.e164()));
        storage.calls().settle(call.attempt().account(), call.attempt().id(), Money.of("0.01", "USD"), null, now());
        Batch second = running();
        importAll(second.id(), List.of(new NewRecipient(TARGET, "Ada", Map.of(), "")));
        Batch others = running(OTHER_ACCOUNT, io.batchcall.model.ConcurrencyPolicy.ofDefaults());
        importAll(others.id(), List.of(new NewRecipient(TARGET, "Ada elsewhere", Map.of(), "")));
        contacts().suppress(ACCOUNT, List.of(new Suppression(TARGET, "asked by " + TARGET.e164(), "host", now())));
        contacts().reserveDials(ACCOUNT, List.of(TARGET), new FrequencyCap(5, 0), now());
        var countsBefore = storage.recipients().counts(first.id());
        long eventsBefore = storage.events().latest(ACCOUNT);

        clock.advance(Duration.ofMinutes(1));
        Erasure erased = contacts().erase(ACCOUNT, TARGET, now());

        assertThat(erased.recipients()).isEqualTo(2);
        assertThat(erased.attempts()).isEqualTo(1);
        assertThat(erased.events()).isPositive();
        assertThat(erased.suppressionKept()).isTrue();
        for (Batch b : List.of(first, second)) {
            for (Recipient r : allRecipients(b.id())) {
                assertThat(r.phone()).isNotEqualTo(TARGET);
                assertThat(r.toString()).doesNotContain(TARGET.e164()).doesNotContain("Ada");
                for (CallAttempt a : storage.calls().attempts(r.id())) {
                    assertThat(a.to()).isNotEqualTo(TARGET);
                    assertThat(String.valueOf(a.reason())).doesNotContain(TARGET.e164());
                }
            }
        }
        Recipient waiting = allRecipients(second.id()).get(0);
        assertThat(waiting.status()).isEqualTo(RecipientStatus.SKIPPED);
        assertThat(waiting.phone()).isEqualTo(NumberHash.erasedPlaceholder(waiting.id()));
        for (StatusEvent e : eventsAfter(0)) {
            assertThat(String.valueOf(e.detail())).doesNotContain(TARGET.e164());
        }
        assertThat(storage.events().latest(ACCOUNT)).isGreaterThan(eventsBefore);
        var countsAfter = storage.recipients().counts(first.id());
        assertThat(countsAfter).isEqualTo(countsBefore);
        assertThat(storage.calls().attempt(call.attempt().id()).orElseThrow().cost()).isEqualTo(Money.of("0.01", "USD"));
        assertThat(contacts().suppressed(ACCOUNT, List.of(TARGET))).containsExactly(TARGET);
        assertThat(contacts().suppression(ACCOUNT, TARGET).reason()).isEqualTo("erased");
        assertThat(allRecipients(others.id()).get(0).phone()).isEqualTo(TARGET);
        // Erasing resets the number's recent dials.
        assertThat(contacts().reserveDials(ACCOUNT, List.of(TARGET), new FrequencyCap(1, 0), now())).isEmpty();
        contacts().erase(ACCOUNT, TARGET, now());
        contacts().erase(OTHER_ACCOUNT, TARGET, now());
        assertThat(rawTextHolding(TARGET.e164())).isEmpty();
        assertThat(rawTextHolding("Ada")).isEmpty();
    }

    @Test
    void purgeDeletesOldHistoryOfFinishedBatchesInBoundedSteps() {
        Batch old = running();
        addRecipients(old.id(), 0, 6);
        for (int i = 0; i < 6; i++) {
            Claim c = finishOne(old, RecipientStatus.COMPLETED);
            storage.calls().settle(c.attempt().account(), c.attempt().id(), Money.usd("0.01"), null, now());
        }
        Batch finished = storage.batches().update(batch(old.id()).withStatus(BatchStatus.COMPLETED, null)
                .withFinishedAt(now()));
        Batch live = running();
        addRecipients(live.id(), 100, 2);
        Claim liveCall = finishOne(live, RecipientStatus.COMPLETED);
        storage.calls().settle(liveCall.attempt().account(), liveCall.attempt().id(), Money.usd("0.01"), null, now());
        long liveEvents = eventsAfter(0).stream().filter(e -> e.batchId().equals(live.id())).count();
        clock.advance(Duration.ofDays(31));

        assertThat(contacts().purge(now().minus(Duration.ofDays(40)), 10)).isZero();
        int total = 0;
        int step;
        while ((step = contacts().purge(now().minus(Duration.ofDays(30)), 5)) > 0) {
            assertThat(step).isLessThanOrEqualTo(5);
            total += step;
        }
        assertThat(total).isPositive();
        assertThat(eventsAfter(0)).allMatch(e -> !e.batchId().equals(finished.id()));
        assertThat(eventsAfter(0).stream().filter(e -> e.batchId().equals(live.id())).count()).isEqualTo(liveEvents);
        for (Recipient r : allRecipients(old.id())) {
            assertThat(r.status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(storage.calls().attempts(r.id())).isEmpty();
        }
        assertThat(storage.recipients().counts(old.id()).completed()).isEqualTo(6);
        assertThat(allRecipients(live.id()).stream().mapToLong(r -> storage.calls().attempts(r.id()).size()).sum())
                .isEqualTo(1);
    }

    @Test
    void aNumberSetIsCheckedInOneCall() {
        contacts().suppress(ACCOUNT, List.of(entry(phone(7), "asked")));
        List<PhoneNumber> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(phone(i));
        }
        assertThat(contacts().suppressed(ACCOUNT, many)).isEqualTo(Set.of(phone(7)));
    }
}
