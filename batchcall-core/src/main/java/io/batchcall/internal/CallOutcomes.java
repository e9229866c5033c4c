package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.CallAttempt;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.EngineObserver;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies carrier status updates, stamped with the engine's clock when they arrive (a carrier's
 * clock may be minutes off the engine's, and the engine's clock orders an attempt's events and
 * decides when a silent call is looked up), through the store (the store records "settlement due" with a
 * terminal status in the same unit of work), then settles a call that ended. A settlement that
 * fails here is finished by the sweep, so the carrier's answer never depends on the ledger.
 */
final class CallOutcomes implements CallStatusSink {
    private static final Logger LOG = LoggerFactory.getLogger(CallOutcomes.class);

    private final CallStore calls;
    private final Settlement settlement;
    private final EngineObserver observer;
    private final Clock clock;

    private final MachineAnswers machines;

    CallOutcomes(CallStore calls, Settlement settlement, EngineObserver observer, Clock clock,
            MachineAnswers machines) {
        this.machines = machines;
        this.clock = clock;
        this.calls = calls;
        this.settlement = settlement;
        this.observer = observer;
    }

    @Override
    public boolean onCallStatus(CallStatusUpdate u) {
        if (!u.status().isCarrierStatus()) {
            LOG.warn("ignoring carrier update for attempt {} with non-carrier status {}", u.attemptId(), u.status());
            return false;
        }
        AccountId account = u.account() != null ? u.account()
                : calls.attempt(u.attemptId()).map(CallAttempt::account).orElse(null); // a callback without its account
        if (account == null) {
            LOG.warn("ignoring carrier update {} for unknown attempt {}", u.status(), u.attemptId());
            return false;
        }
        Optional<CallAttempt> changed = calls.applyCarrierStatus(account, u.attemptId(),
                new CarrierUpdate(u.status(), clock.instant(), u.providerCallId(), u.talkTime(), u.reason(),
                        u.answeredBy()));
        if (changed.isEmpty()) {
            return false;
        }
        CallAttempt a = changed.get();
        if (u.answeredBy() != null && a.answeredBy() == u.answeredBy()) {
            machines.answered(a);
        }
        if (a.status().isTerminal()) {
            observer.onCallOutcome(a.account(), a.status());
        }
        if (a.settlementDue()) {
            settlement.settleQuietly(a);
        }
        return true;
    }
}
