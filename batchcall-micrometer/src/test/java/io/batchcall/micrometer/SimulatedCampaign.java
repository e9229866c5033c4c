package io.batchcall.micrometer;

import io.batchcall.BatchCalls;
import io.batchcall.BatchCallsBuilder;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The engine on in-memory adapters and the simulated carrier, driven by a mutable clock: no sleeping. */
final class SimulatedCampaign {
    static final PhoneNumber FROM = PhoneNumber.of("+14155552000");

    final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T14:00:00Z"));
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final InMemoryCreditLedger ledger = InMemoryCreditLedger.create();
    final SimulatedTelephony carrier;
    final BatchCalls calls;

    SimulatedCampaign(SimulationSettings sim, Consumer<BatchCallsBuilder> config) {
        carrier = new SimulatedTelephony(clock, sim);
        BatchCallsBuilder b = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("metrics-test")
                .tariff(Tariff.of(Money.usd("0.01"))).dialThreads(2).maxDialsPerStep(5000);
        config.accept(b);
        calls = b.build();
        carrier.connect(calls.statusSink());
    }

    static SimulationSettings quickCalls() {
        return SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withTalk(Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    static BatchSpec spec(AccountId account) {
        return BatchSpec.builder("metrics " + account, account, FROM, CallWindow.always(ZoneId.of("America/New_York")))
                .build();
    }

    Batch draft(AccountId account, int firstNumber, int count) {
        Batch b = calls.createDraft(spec(account));
        List<NewRecipient> list = new ArrayList<>();
        for (int i = firstNumber; i < firstNumber + count; i++) {
            list.add(NewRecipient.of(number(i), "Person " + i));
        }
        calls.addRecipients(b.id(), list);
        return b;
    }

    static PhoneNumber number(int i) {
        return PhoneNumber.of("+1212" + (2_000_000 + i));
    }

    void fund(AccountId account, String usd) {
        ledger.topUp(account, Money.usd(usd), "topup-" + account);
    }

    void step(Duration d) {
        clock.advance(d);
        carrier.deliverDue();
        calls.runOnce();
    }

    /** Steps a second at a time until every batch is finished; fails after an hour of clock time. */
    void runToCompletion(List<BatchId> batches) {
        for (int i = 0; i < 3600; i++) {
            if (batches.stream().allMatch(id -> calls.batch(id).batch().status() == BatchStatus.COMPLETED)) {
                calls.runOnce();
                return;
            }
            step(Duration.ofSeconds(1));
        }
        throw new AssertionError("campaign did not complete within an hour of clock time");
    }
}
