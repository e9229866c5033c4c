package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.AccountCalls;
import io.batchcall.BatchCalls;
import io.batchcall.DispositionConflictException;
import io.batchcall.model.AccountId;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.model.StatusEvent;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call outcomes on a storage and ledger pair, through the engine and the facade: who answered is
 * stored whenever it arrives and never moves a call back; a disposition is stored once (twice or
 * concurrently from two engines on one store: one record, one event; a different one refused);
 * counts per code; a disposition or a call back queues the recipient at the time the rules say.
 * Subclass it and implement {@link #newStorage} and {@link #newLedger}.
 */
public abstract class OutcomesContract {
    private static final Instant MONDAY_10AM = Instant.parse("2026-03-02T10:00:00Z");
    private static final AccountId ACCOUNT = AccountId.of("clinic-7");
    private static final List<DispositionCode> CODES = List.of(DispositionCode.of("confirmed"),
            DispositionCode.of("call_back"), new DispositionCode("opt_out", "Do not call", true));

    /** The test clock, handed to the storage and the ledger. */
    protected MutableClock clock;
    private Storage storage;
    private CreditLedger ledger;
    private final Carrier carrier = new Carrier();

    /**
     * A fresh, empty storage using {@code clock} for batch events.
     *
     * @param clock the test clock
     * @return the storage
     */
    protected abstract Storage newStorage(Clock clock);

    /**
     * A fresh, empty ledger of the same backend.
     *
     * @param clock the test clock
     * @return the ledger
     */
    protected abstract CreditLedger newLedger(Clock clock);

    @BeforeEach
    final void setUp() {
        clock = MutableClock.at(MONDAY_10AM);
        storage = newStorage(clock);
        ledger = newLedger(clock);
        ledger.topUp(ACCOUNT, Money.usd("10"), "seed");
    }

    private BatchCalls engine(String node) {
        return BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName(node)
                .reconcileInterval(Duration.ZERO).dialThreads(1).build();
    }

    private Batch send(BatchCalls calls, MachinePolicy machines, RetryPolicy retry, String... numbers) {
        BatchSpec spec = BatchSpec.builder("outcomes", ACCOUNT, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).retry(retry).machinePolicy(machines).dispositions(CODES).build();
        Batch b = calls.createDraft(spec);
        List<NewRecipient> rs = new ArrayList<>();
        for (String n : numbers) {
            rs.add(NewRecipient.of(PhoneNumber.of(n), "R" + n.substring(n.length() - 2)));
        }
        calls.addRecipients(b.id(), rs);
        calls.send(b.id());
        assertThat(calls.runOnce()).isEqualTo(numbers.length);
        return b;
    }

    private boolean deliver(BatchCalls calls, CallAttempt a, RecipientStatus status, Duration talk, AnsweredBy by) {
        return calls.statusSink().onCallStatus(new CallStatusUpdate(a.id(), "CA-" + a.id().value(), status,
                clock.instant(), talk, null, by));
    }

    private CallAttempt stored(CallAttempt a) {
        return storage.calls().attempt(a.id()).orElseThrow();
    }

    private Recipient recipient(Batch b, String number) {
        return storage.recipients().list(b.id(), RecipientQuery.first(10)).stream()
                .filter(r -> r.phone().e164().equals(number)).findFirst().orElseThrow();
    }

    private List<StatusEvent> events(CallAttempt a, String status) {
        return storage.events().after(ACCOUNT, 0, 10_000).stream().filter(e -> a.id().equals(e.attemptId()))
                .filter(e -> e.status().equals(status)).toList();
    }

    @Test
    void whoAnsweredIsStoredBeforeOrAfterTheEndAndNeverMovesTheCallBack() {
        try (BatchCalls calls = engine("node-a")) {
            send(calls, MachinePolicy.REACHED, RetryPolicy.none(), "+14155550101", "+14155550102");
            CallAttempt ada = carrier.attemptTo("+14155550101");
            CallAttempt bob = carrier.attemptTo("+14155550102");
            clock.advance(Duration.ofSeconds(5));
            assertThat(deliver(calls, ada, RecipientStatus.IN_PROGRESS, null, AnsweredBy.HUMAN)).isTrue();
            assertThat(deliver(calls, bob, RecipientStatus.IN_PROGRESS, null, null)).isTrue();
            clock.advance(Duration.ofSeconds(30));
            assertThat(deliver(calls, bob, RecipientStatus.COMPLETED, Duration.ofSeconds(30), null)).isTrue();
            assertThat(deliver(calls, bob, RecipientStatus.IN_PROGRESS, null, AnsweredBy.UNKNOWN))
                    .as("a result after the end is recorded").isTrue();
            assertThat(deliver(calls, bob, RecipientStatus.IN_PROGRESS, null, AnsweredBy.MACHINE))
                    .as("a known value replaces unknown").isTrue();
            assertThat(deliver(calls, bob, RecipientStatus.IN_PROGRESS, null, AnsweredBy.HUMAN))
                    .as("the first known value is kept").isFalse();
            assertThat(deliver(calls, ada, RecipientStatus.IN_PROGRESS, null, AnsweredBy.MACHINE)).isFalse();

            assertThat(stored(ada).answeredBy()).isEqualTo(AnsweredBy.HUMAN);
            assertThat(stored(ada).status()).isEqualTo(RecipientStatus.IN_PROGRESS);
            CallAttempt bobNow = stored(bob);
            assertThat(bobNow.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
            assertThat(bobNow.status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(bobNow.cost()).as("settled as it was").isNotNull();
            assertThat(events(bob, "answered_by")).extracting(StatusEvent::detail).containsExactly("unknown", "machine");
        }
    }

    @Test
    void aDispositionIsStoredOnceWithItsDataAndCounted() {
        try (BatchCalls calls = engine("node-a")) {
            Batch b = send(calls, null, RetryPolicy.none(), "+14155550101", "+14155550102");
            AccountCalls account = calls.forAccount(ACCOUNT);
            CallAttempt ada = carrier.attemptTo("+14155550101");
            CallAttempt bob = carrier.attemptTo("+14155550102");
            clock.advance(Duration.ofSeconds(40));
            deliver(calls, ada, RecipientStatus.COMPLETED, Duration.ofSeconds(30), null);
            deliver(calls, bob, RecipientStatus.COMPLETED, Duration.ofSeconds(30), null);
            Instant reported = clock.advance(Duration.ofSeconds(2));
            Map<String, String> data = Map.of("summary", "will attend", "recording", "https://rec.example/1");

            CallAttempt a = account.disposition(ada.id(), "confirmed", data);
            CallAttempt again = account.disposition(ada.id(), "confirmed", data);

            assertThat(a.disposition().code()).isEqualTo("confirmed");
            assertThat(a.disposition().data()).isEqualTo(data);
            assertThat(a.disposition().at()).isEqualTo(reported);
            assertThat(again).isEqualTo(stored(ada));
            assertThat(stored(ada).disposition()).isEqualTo(a.disposition());
            assertThat(events(ada, "disposition")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo("confirmed"));
            assertThatThrownBy(() -> account.disposition(ada.id(), "opt_out", null))
                    .isInstanceOf(DispositionConflictException.class).hasMessageContaining("confirmed")
                    .hasMessageContaining("opt_out");
            assertThatThrownBy(() -> account.disposition(ada.id(), "confirmed", Map.of("summary", "other")))
                    .isInstanceOf(DispositionConflictException.class);
            assertThatThrownBy(() -> account.disposition(bob.id(), "sold", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sold'")
                    .hasMessageContaining("confirmed");
            assertThat(stored(bob).disposition()).isNull();
            account.disposition(bob.id(), "opt_out", null);
            assertThat(account.dispositionCounts(b.id())).containsExactly(Map.entry("confirmed", 1L),
                    Map.entry("opt_out", 1L));
            assertThatThrownBy(() -> calls.forAccount(AccountId.of("other")).disposition(ada.id(), "confirmed", data))
                    .isInstanceOf(io.batchcall.NotFoundException.class);
        }
    }

    @Test
    void twoEnginesOnOneStoreStoreADispositionOnce() throws Exception {
        try (BatchCalls nodeA = engine("node-a"); BatchCalls nodeB = engine("node-b")) {
            send(nodeA, null, RetryPolicy.none(), "+14155550101", "+14155550102");
            CallAttempt ada = carrier.attemptTo("+14155550101");
            CallAttempt bob = carrier.attemptTo("+14155550102");
            clock.advance(Duration.ofSeconds(40));
            deliver(nodeA, ada, RecipientStatus.COMPLETED, Duration.ofSeconds(30), null);
            deliver(nodeB, bob, RecipientStatus.COMPLETED, Duration.ofSeconds(30), null);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<CallAttempt>> same = new ArrayList<>();
                List<Future<CallAttempt>> different = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    BatchCalls node = i % 2 == 0 ? nodeA : nodeB;
                    same.add(pool.submit(() -> {
                        go.await();
                        return node.forAccount(ACCOUNT).disposition(ada.id(), "confirmed", Map.of("by", "agent"));
                    }));
                    String code = i % 2 == 0 ? "confirmed" : "call_back";
                    different.add(pool.submit(() -> {
                        go.await();
                        return node.forAccount(ACCOUNT).disposition(bob.id(), code, null);
                    }));
                }
                go.countDown();
                for (Future<CallAttempt> f : same) {
                    assertThat(f.get(30, TimeUnit.SECONDS).disposition().code()).isEqualTo("confirmed");
                }
                int won = 0;
                int refused = 0;
                for (Future<CallAttempt> f : different) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(DispositionConflictException.class);
                        refused++;
                    }
                }
                String winner = stored(bob).disposition().code();
                assertThat(won).as("every report of the winning code succeeds").isEqualTo(2);
                assertThat(refused).isEqualTo(2);
                assertThat(winner).isIn("confirmed", "call_back");
            } finally {
                pool.shutdownNow();
            }
            assertThat(events(ada, "disposition")).hasSize(1);
            assertThat(events(bob, "disposition")).hasSize(1);
        }
    }

    @Test
    void aDispositionOrACallBackQueuesTheRecipientAtItsTime() {
        RetryPolicy retry = RetryPolicy.none().withDisposition("call_back", OutcomeRetry.after(Duration.ofHours(2), 3));
        try (BatchCalls calls = engine("node-a")) {
            Batch b = send(calls, null, retry, "+14155550101", "+14155550102", "+14155550103");
            AccountCalls account = calls.forAccount(ACCOUNT);
            CallAttempt ada = carrier.attemptTo("+14155550101");
            CallAttempt bob = carrier.attemptTo("+14155550102");
            CallAttempt cyd = carrier.attemptTo("+14155550103");
            Instant end = clock.advance(Duration.ofSeconds(40));
            for (CallAttempt a : List.of(ada, bob, cyd)) {
                deliver(calls, a, RecipientStatus.COMPLETED, Duration.ofSeconds(30), AnsweredBy.HUMAN);
            }
            account.disposition(ada.id(), "call_back", null);
            account.disposition(bob.id(), "confirmed", Map.of("callback_at", "2026-03-04T16:00:00Z"));
            Instant four = Instant.parse("2026-03-03T16:00:00Z");
            assertThat(account.scheduleCallback(b.id(), recipient(b, "+14155550103").id(), four)).isTrue();

            Recipient adaNow = recipient(b, "+14155550101");
            assertThat(adaNow.status()).isEqualTo(RecipientStatus.PENDING);
            assertThat(adaNow.notBefore()).isEqualTo(end.plus(Duration.ofHours(2)));
            assertThat(recipient(b, "+14155550102").notBefore()).isEqualTo(Instant.parse("2026-03-04T16:00:00Z"));
            assertThat(recipient(b, "+14155550103").notBefore()).isEqualTo(four);
            assertThat(events(cyd, "pending")).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("callback"));

            clock.advance(Duration.ofHours(2));
            assertThat(calls.runOnce()).as("only the 2-hour retry is due").isEqualTo(1);
            assertThat(calls.attempts(adaNow.id())).hasSize(2);
        }
    }

    @Test
    void aMachineIsHungUpAndRetriedUnderHangUpAndRetry() {
        RetryPolicy retry = RetryPolicy.none().withOutcome("machine",
                OutcomeRetry.after(Duration.ofMinutes(10), 2).inNextWindowAfter(Duration.ofHours(20)));
        try (BatchCalls calls = engine("node-a")) {
            Batch b = send(calls, MachinePolicy.HANG_UP_AND_RETRY, retry, "+14155550101");
            assertThat(carrier.placed).singleElement().satisfies(r -> assertThat(r.machinePolicy())
                    .isEqualTo(MachinePolicy.HANG_UP_AND_RETRY));
            CallAttempt ada = carrier.attemptTo("+14155550101");
            clock.advance(Duration.ofSeconds(5));
            deliver(calls, ada, RecipientStatus.IN_PROGRESS, null, null);
            deliver(calls, ada, RecipientStatus.IN_PROGRESS, null, AnsweredBy.MACHINE);
            assertThat(carrier.hungUp).containsExactly("CA-" + ada.id().value());
            Instant end = clock.advance(Duration.ofSeconds(1));
            deliver(calls, ada, RecipientStatus.COMPLETED, Duration.ofSeconds(1), null);

            Recipient r = recipient(b, "+14155550101");
            assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
            assertThat(r.notBefore()).isEqualTo(end.plus(Duration.ofHours(20)));
        }
    }

    /** A carrier that accepts every call and remembers requests, hang-ups and machine notices. */
    private final class Carrier implements Telephony {
        private final Map<String, CallRequest> latest = new ConcurrentHashMap<>();
        final List<CallRequest> placed = new CopyOnWriteArrayList<>();
        final List<String> hungUp = new CopyOnWriteArrayList<>();
        final List<String> machines = new CopyOnWriteArrayList<>();

        @Override
        public PlacedCall place(CallRequest request) {
            latest.put(request.to().e164(), request);
            placed.add(request);
            return new PlacedCall("CA-" + request.attemptId().value());
        }

        CallAttempt attemptTo(String number) {
            return storage.calls().attempt(latest.get(number).attemptId()).orElseThrow();
        }

        @Override
        public Optional<CallInfo> lookup(LookupRequest attempt) {
            return Optional.empty();
        }

        @Override
        public void hangUp(String providerCallId) {
            hungUp.add(providerCallId);
        }

        @Override
        public void machineAnswered(String providerCallId, MachineAnswer request) {
            machines.add(providerCallId);
        }
    }
}
