package io.batchcall.inmemory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.BatchCallsBuilder;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.StatusEvent;
import io.batchcall.model.Tariff;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.BatchListener;
import io.batchcall.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A clock-driven campaign on the in-memory adapters: advance the clock, let the simulated carrier
 * deliver what fell due, run one engine step. No sleeping anywhere.
 */
final class Campaign implements AutoCloseable {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final AccountId ACCOUNT = AccountId.of("acme");
    /** Monday 2 March 2026, 09:00 in New York. */
    static final Instant MONDAY_9AM = Instant.parse("2026-03-02T14:00:00Z");
    static final PhoneNumber FROM = PhoneNumber.of("+14155552000");

    final MutableClock clock;
    final InMemoryStorage storage;
    final InMemoryCreditLedger ledger;
    final SimulatedTelephony carrier;
    final BatchCalls calls;
    final List<StatusEvent> events = new CopyOnWriteArrayList<>();
    int maxActiveSeen;

    Campaign() {
        this(MONDAY_9AM, SimulationSettings.ofDefaults(), b -> { });
    }

    Campaign(Instant start, SimulationSettings sim, Consumer<BatchCallsBuilder> config) {
        clock = MutableClock.at(start);
        storage = InMemoryStorage.create(clock);
        ledger = InMemoryCreditLedger.create();
        carrier = new SimulatedTelephony(clock, sim);
        BatchCallsBuilder builder = BatchCalls.builder(storage, carrier, ledger).clock(clock)
                .tariff(Tariff.of(Money.usd("0.01"))).nodeName("test").dialThreads(4)
                .listener(new BatchListener() {
                    @Override
                    public void onBatchEvent(StatusEvent e) {
                        events.add(e);
                    }

                    @Override
                    public void onRecipientEvent(StatusEvent e) {
                        events.add(e);
                    }
                });
        config.accept(builder);
        calls = builder.build();
        carrier.connect(calls.statusSink());
    }

    static CallWindow businessHours() {
        return CallWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0), NEW_YORK);
    }

    static BatchSpec.Builder spec(String name) {
        return BatchSpec.builder(name, ACCOUNT, FROM, businessHours());
    }

    static PhoneNumber number(int i) {
        return PhoneNumber.of("+1212" + (2_000_000 + i));
    }

    static List<NewRecipient> recipients(int from, int count) {
        List<NewRecipient> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(NewRecipient.of(number(i), "Person " + i));
        }
        return list;
    }

    void fund(String usd) {
        ledger.topUp(ACCOUNT, Money.usd(usd), "topup-" + usd + "-" + clock.instant());
    }

    Batch draft(BatchSpec spec, int recipients) {
        return draft(spec, 0, recipients);
    }

    Batch draft(BatchSpec spec, int firstRecipient, int recipients) {
        Batch b = calls.createDraft(spec);
        calls.addRecipients(b.id(), recipients(firstRecipient, recipients));
        return b;
    }

    /** Advances the clock, delivers due carrier events, runs one engine step. */
    void step(Duration d) {
        clock.advance(d);
        carrier.deliverDue();
        calls.runOnce();
        int active = calls.activeCalls(ACCOUNT);
        maxActiveSeen = Math.max(maxActiveSeen, active);
    }

    /** Steps until the condition holds; fails after {@code max} of clock time. */
    void runUntil(BooleanSupplier done, Duration max, Duration step) {
        Instant limit = clock.instant().plus(max);
        while (!done.getAsBoolean()) {
            assertThat(clock.instant()).as("condition not reached within %s", max).isBefore(limit);
            step(step);
        }
    }

    io.batchcall.BatchSummary summary(BatchId id) {
        return calls.batch(id);
    }

    io.batchcall.model.BatchStatus status(BatchId id) {
        return calls.batch(id).batch().status();
    }

    void assertEveryNumberDialedAtMostOnce() {
        assertThat(carrier.dialsPerNumber().values()).allMatch(n -> n == 1);
    }

    @Override
    public void close() {
        calls.close();
        carrier.close();
    }
}
