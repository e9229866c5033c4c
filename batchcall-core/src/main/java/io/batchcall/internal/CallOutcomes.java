package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStatusSink;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.EngineObserver;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies carrier status updates: monotonically through the store, then on a terminal status
 * captures the real cost and queues a retry when the batch's policy asks for one.
 */
final class CallOutcomes implements CallStatusSink {
    private static final Logger LOG = LoggerFactory.getLogger(CallOutcomes.class);

    private final CallStore calls;
    private final BatchStore batches;
    private final Credit credit;
    private final Clock clock;
    private final EngineObserver observer;

    CallOutcomes(CallStore calls, BatchStore batches, Credit credit, Clock clock, EngineObserver observer) {
        this.observer = observer;
        this.calls = calls;
        this.batches = batches;
        this.credit = credit;
        this.clock = clock;
    }

    @Override
    public boolean onCallStatus(CallStatusUpdate u) {
        if (!u.status().isCarrierStatus()) {
            LOG.warn("ignoring carrier update for attempt {} with non-carrier status {}", u.attemptId(), u.status());
            return false;
        }
        Optional<CallAttempt> changed = calls.applyCarrierStatus(u.attemptId(),
                new CarrierUpdate(u.status(), u.at(), u.providerCallId(), u.talkTime(), u.reason()));
        if (changed.isEmpty()) {
            return false;
        }
        CallAttempt a = changed.get();
        if (a.status().isTerminal()) {
            observer.onCallOutcome(a.account(), a.status());
            finish(a);
        }
        return true;
    }

    private void finish(CallAttempt a) {
        Capture capture;
        try {
            capture = credit.capture(a.account(), a.id(), a.talkTime() == null ? java.time.Duration.ZERO
                    : a.talkTime());
        } catch (RuntimeException e) {
            observer.onSettlement(a.account(), false);
            throw e;
        }
        observer.onSettlement(a.account(), true);
        calls.recordCost(a.id(), capture.charged());
        if (!capture.shortfall().isZero()) {
            LOG.warn("attempt {} cost {} more than account {} could pay; charged {}", a.id(), capture.shortfall(),
                    a.account(), capture.charged());
        }
        if (!a.status().isFailure()) {
            return; // only busy, no_answer and failed are ever retried
        }
        Optional<Batch> batch = batches.find(a.batchId());
        if (batch.isEmpty() || batch.get().status() == BatchStatus.CANCELLED) {
            return;
        }
        var retry = batch.get().spec().retry();
        if (retry.shouldRetry(a.status(), a.number())) {
            var when = (a.endedAt() != null ? a.endedAt() : clock.instant()).plus(retry.delay());
            calls.requeue(a.id(), when, clock.instant());
        }
    }
}
