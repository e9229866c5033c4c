package io.batchcall.inmemory;

import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.Telephony;
import io.batchcall.testkit.MutableClock;
import io.batchcall.testkit.TelephonyContract;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

class SimulatedTelephonyContractTest extends TelephonyContract {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));
    private SimulatedTelephony sim;

    @Override
    protected Telephony newTelephony(Consumer<CallStatusUpdate> sink) {
        sim = new SimulatedTelephony(clock, SimulationSettings.ofDefaults());
        sim.connect(u -> {
            sink.accept(u);
            return true;
        });
        return sim;
    }

    @Override
    protected void completeAllCalls() {
        clock.advance(Duration.ofMinutes(10));
        sim.deliverDue();
    }
}
