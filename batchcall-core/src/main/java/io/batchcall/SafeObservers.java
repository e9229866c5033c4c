package io.batchcall;

import io.batchcall.model.AccountId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.TelephonyException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls each observer in turn; an observer's exception is logged and does not reach the engine. */
final class SafeObservers implements EngineObserver {
    private static final Logger LOG = LoggerFactory.getLogger(SafeObservers.class);

    private final List<EngineObserver> observers;

    SafeObservers(List<EngineObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    private void each(String what, Consumer<EngineObserver> call) {
        for (EngineObserver o : observers) {
            try {
                call.accept(o);
            } catch (RuntimeException e) {
                LOG.warn("engine observer {} failed in {}; ignored", o, what, e);
            }
        }
    }

    @Override
    public void onDialPlaced(AccountId account, Duration dispatchLag) {
        each("onDialPlaced", o -> o.onDialPlaced(account, dispatchLag));
    }

    @Override
    public void onCallOutcome(AccountId account, RecipientStatus status) {
        each("onCallOutcome", o -> o.onCallOutcome(account, status));
    }

    @Override
    public void onCarrierError(AccountId account, TelephonyException.Kind kind) {
        each("onCarrierError", o -> o.onCarrierError(account, kind));
    }

    @Override
    public void onClaim(AccountId account, int claimed, Duration latency) {
        each("onClaim", o -> o.onClaim(account, claimed, latency));
    }

    @Override
    public void onEngineStep(Duration duration, Throwable error) {
        each("onEngineStep", o -> o.onEngineStep(duration, error));
    }

    @Override
    public void onCsvImport(long imported, long rejected) {
        each("onCsvImport", o -> o.onCsvImport(imported, rejected));
    }

    @Override
    public void onEvents(int written, int delivered) {
        each("onEvents", o -> o.onEvents(written, delivered));
    }

    @Override
    public void onSettlement(AccountId account, boolean done) {
        each("onSettlement", o -> o.onSettlement(account, done));
    }
}
