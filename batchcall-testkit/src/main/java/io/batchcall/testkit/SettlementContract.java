package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.model.StatusEvent;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Hold;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's settlement on a storage and ledger pair: a terminal status commits with its
 * settlement due, so a ledger that fails after the status was recorded loses nothing — the sweep
 * captures exactly once, records the cost and queues the retry the policy wants, and a batch is
 * not completed while a settlement is due. Subclass it and implement {@link #newStorage} and
 * {@link #newLedger}.
 */
public abstract class SettlementContract {
    private static final Instant MONDAY_10AM = Instant.parse("2026-03-02T10:00:00Z");
    private static final AccountId ACCOUNT = AccountId.of("clinic-7");
    private static final Currency USD = Currency.getInstance("USD");
    /** USD 0.005 per dial + 0.01 per started minute; a hold is 0.015. */
    private static final Tariff TARIFF = Tariff.of(Money.usd("0.01"));

    /** The test clock, handed to the storage and the ledger. */
    protected MutableClock clock;
    private FlakyLedger ledger;
    private Storage storage;
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
        ledger = new FlakyLedger(newLedger(clock));
        ledger.topUp(ACCOUNT, Money.usd("1"), "seed");
    }

    private BatchCalls engine() {
        return BatchCalls.builder(storage, carrier, ledger).clock(clock).tariff(TARIFF).nodeName("settle-test")
                .reconcileInterval(Duration.ZERO).settleGrace(Duration.ofSeconds(10)).dialThreads(1).build();
    }

    private Batch sendTwo(BatchCalls calls, RetryPolicy retry) {
        BatchSpec spec = BatchSpec.builder("settle", ACCOUNT, PhoneNumber.of("+14155552000"),
                CallWindow.always(ZoneId.of("UTC"))).retry(retry).build();
        Batch b = calls.createDraft(spec);
        calls.addRecipients(b.id(), List.of(NewRecipient.of(PhoneNumber.of("+14155550101"), "Ada"),
                NewRecipient.of(PhoneNumber.of("+14155550102"), "Bob")));
        calls.send(b.id());
        assertThat(calls.runOnce()).isEqualTo(2);
        return b;
    }

    private Money available() {
        return ledger.available(ACCOUNT, USD);
    }

    @Test
    void aCaptureThatFailsIsSettledByTheSweepExactlyOnceWithItsRetry() {
        try (BatchCalls calls = engine()) {
            Batch b = sendTwo(calls, RetryPolicy.on(Set.of(RecipientStatus.BUSY), 2, Duration.ofMinutes(5)));
            ledger.failCaptures(2);
            CallAttempt ada = carrier.attemptTo("+14155550101");
            CallAttempt bob = carrier.attemptTo("+14155550102");
            Instant end = clock.advance(Duration.ofMinutes(3));
            assertThat(deliver(calls, ada, RecipientStatus.COMPLETED, Duration.ofMinutes(3))).isTrue();
            assertThat(deliver(calls, bob, RecipientStatus.BUSY, null)).isTrue();
            assertThat(ledger.failedCaptures()).isEqualTo(2);
            assertThat(attempt(ada).settlementDue()).isTrue();
            assertThat(available()).as("both holds still open").isEqualTo(Money.usd("0.97"));

            assertThat(deliver(calls, ada, RecipientStatus.COMPLETED, Duration.ofMinutes(3)))
                    .as("the carrier's retried callback is a duplicate").isFalse();
            clock.advance(Duration.ofSeconds(11));
            calls.runOnce();

            assertThat(attempt(ada).cost()).isEqualTo(Money.usd("0.035"));
            assertThat(attempt(bob).cost()).isEqualTo(Money.usd("0.005"));
            assertThat(available()).as("charged once each, no hold left").isEqualTo(Money.usd("0.96"));
            Recipient bobNow = recipient(b, "+14155550102");
            assertThat(bobNow.status()).isEqualTo(RecipientStatus.PENDING);
            assertThat(bobNow.notBefore()).isEqualTo(end.plus(Duration.ofMinutes(5)));
            assertThat(pendingEvents(bobNow)).as("the retry is queued once").isEqualTo(1);

            clock.advance(Duration.ofSeconds(30));
            calls.runOnce();
            assertThat(available()).as("nothing charged twice").isEqualTo(Money.usd("0.96"));
            assertThat(pendingEvents(bobNow)).isEqualTo(1);
            clock.advance(Duration.ofMinutes(5));
            assertThat(calls.runOnce()).as("the retry dials").isEqualTo(1);
            assertThat(calls.attempts(bobNow.id())).hasSize(2);
        }
    }

    @Test
    void aBatchIsNotCompletedWhileASettlementIsDue() {
        try (BatchCalls calls = engine()) {
            Batch b = sendTwo(calls, RetryPolicy.on(Set.of(RecipientStatus.NO_ANSWER), 2, Duration.ofMinutes(1)));
            ledger.failCaptures(1000);
            clock.advance(Duration.ofSeconds(40));
            deliver(calls, carrier.attemptTo("+14155550101"), RecipientStatus.COMPLETED, Duration.ofSeconds(20));
            deliver(calls, carrier.attemptTo("+14155550102"), RecipientStatus.NO_ANSWER, null);
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(30));
                calls.runOnce();
            }
            assertThat(calls.batch(b.id()).batch().status()).as("the ledger is down").isEqualTo(BatchStatus.RUNNING);
            ledger.failCaptures(0);
            clock.advance(Duration.ofSeconds(30));
            calls.runOnce();
            Recipient bob = recipient(b, "+14155550102");
            assertThat(calls.attempts(bob.id())).as("the retry the policy wanted is not lost: settled, due, dialed")
                    .hasSize(2);
            assertThat(bob.status()).isEqualTo(RecipientStatus.INITIATED);
            assertThat(calls.batch(b.id()).batch().status()).isEqualTo(BatchStatus.RUNNING);
            deliver(calls, carrier.attemptTo("+14155550102"), RecipientStatus.COMPLETED, Duration.ofSeconds(5));
            calls.runOnce();
            assertThat(calls.batch(b.id()).batch().status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(available()).isEqualTo(Money.usd("1").minus(Money.usd("0.015")).minus(Money.usd("0.005"))
                    .minus(Money.usd("0.015")));
        }
    }

    private boolean deliver(BatchCalls calls, CallAttempt a, RecipientStatus status, Duration talk) {
        return calls.statusSink().onCallStatus(new CallStatusUpdate(a.id(), "CA-" + a.id(), status, clock.instant(),
                talk, null));
    }

    private CallAttempt attempt(CallAttempt a) {
        return storage.calls().attempt(a.id()).orElseThrow();
    }

    private Recipient recipient(Batch b, String number) {
        return storage.recipients().list(b.id(), RecipientQuery.first(10)).stream()
                .filter(r -> r.phone().e164().equals(number)).findFirst().orElseThrow();
    }

    private long pendingEvents(Recipient r) {
        return storage.events().after(ACCOUNT, 0, 1000).stream().filter(e -> r.id().equals(e.recipientId()))
                .map(StatusEvent::status).filter("pending"::equals).count();
    }

    /** A carrier that accepts every call and remembers the latest attempt per number. */
    private final class Carrier implements Telephony {
        private final Map<String, CallRequest> latest = new ConcurrentHashMap<>();

        @Override
        public PlacedCall place(CallRequest request) {
            latest.put(request.to().e164(), request);
            return new PlacedCall("CA-" + request.attemptId());
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
        }
    }

    /** The backend's ledger, whose captures fail while a count of failures is left. */
    private static final class FlakyLedger implements CreditLedger {
        private final CreditLedger delegate;
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        FlakyLedger(CreditLedger delegate) {
            this.delegate = delegate;
        }

        void failCaptures(int n) {
            failuresLeft.set(n);
        }

        int failedCaptures() {
            return failed.get();
        }

        @Override
        public Optional<Hold> hold(AccountId account, Money amount, String key) {
            return delegate.hold(account, amount, key);
        }

        @Override
        public Capture capture(AccountId account, String key, Money actual) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failed.incrementAndGet();
                throw new IllegalStateException("ledger unavailable (test)");
            }
            return delegate.capture(account, key, actual);
        }

        @Override
        public void release(AccountId account, String key) {
            delegate.release(account, key);
        }

        @Override
        public void topUp(AccountId account, Money amount, String key) {
            delegate.topUp(account, amount, key);
        }

        @Override
        public Money available(AccountId account, Currency currency) {
            return delegate.available(account, currency);
        }
    }
}
