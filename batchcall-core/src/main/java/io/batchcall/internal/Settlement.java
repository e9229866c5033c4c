package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.ZoneKey;
import io.batchcall.rules.RetryRules;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientStore;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Capture;
import io.batchcall.spi.EngineObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles ended calls: captures the credit hold at the real cost, then records the charge and the
 * retry decision in one store change. The store keeps "settlement due" from the moment the
 * terminal status commits, so a ledger that throws, times out or is down, or a node that dies
 * between the two steps, loses nothing: {@link #sweep} settles what is left, on any node. Every
 * step is idempotent (the capture by the attempt's hold key, the store change by the due flag),
 * so settling twice charges once.
 */
final class Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
    private static final int PAGE = 200;

    private final CallStore calls;
    private final BatchStore batches;
    private final Credit credit;
    private final Clock clock;
    private final Duration grace;
    private final EngineObserver observer;
    private final RecipientStore recipients;

    /**
     * @param grace how long after its end an attempt is left to the node that received its status
     *     before the sweep settles it
     */
    Settlement(CallStore calls, BatchStore batches, RecipientStore recipients, Credit credit, Clock clock,
            Duration grace, EngineObserver observer) {
        this.recipients = recipients;
        this.observer = observer;
        this.calls = calls;
        this.batches = batches;
        this.credit = credit;
        this.clock = clock;
        this.grace = grace;
    }

    /** Settles one ended attempt; a failure is logged and left to the sweep. Returns whether it settled. */
    boolean settleQuietly(CallAttempt a) {
        try {
            return settle(a);
        } catch (RuntimeException e) {
            observer.onSettlement(a.account(), false);
            LOG.warn("settling attempt {} failed; the settlement sweep will retry it", a.id(), e);
            return false;
        }
    }

    boolean settle(CallAttempt a) {
        if (!a.settlementDue()) {
            return false;
        }
        Capture capture = credit.capture(a.account(), a.id(), a.talkTime() == null ? Duration.ZERO : a.talkTime());
        Instant now = clock.instant();
        boolean settled = calls.settle(a.account(), a.id(), capture.charged(), retryAt(a).orElse(null), now);
        if (settled) {
            observer.onSettlement(a.account(), true);
        }
        if (settled && !capture.shortfall().isZero()) {
            LOG.warn("attempt {} cost {} more than account {} could pay; charged {}", a.id(), capture.shortfall(),
                    a.account(), capture.charged());
        }
        return settled;
    }

    /** Settles every attempt whose settlement is due and older than the grace; returns how many. */
    int sweep() {
        int settled = 0;
        Instant before = clock.instant().minus(grace);
        while (true) {
            List<CallAttempt> due = calls.unsettled(before, PAGE);
            int done = 0;
            for (CallAttempt a : due) {
                if (settleQuietly(a)) {
                    done++;
                }
            }
            settled += done;
            if (due.size() < PAGE || done == 0) {
                return settled;
            }
        }
    }

    /**
     * The batch's retry and machine policies decide ({@link RetryRules#retryAt}); a cancelled batch
     * or a vanished one retries nothing.
     */
    private Optional<Instant> retryAt(CallAttempt a) {
        if (!a.status().isFailure() && a.status() != RecipientStatus.COMPLETED) {
            return Optional.empty();
        }
        if (a.status() == RecipientStatus.COMPLETED && a.disposition() == null && a.answeredBy() != AnsweredBy.MACHINE) {
            return Optional.empty(); // reached by a person (or unknown): no policy retries it, so the batch is not read
        }
        Optional<Batch> batch = batches.find(a.batchId());
        if (batch.isEmpty() || batch.get().status() == BatchStatus.CANCELLED) {
            return Optional.empty();
        }
        return retryAt(batch.get(), a, calls, recipients);
    }

    /** The retry time of an ended attempt of {@code b}, from its run's history and the recipient's windows. */
    static Optional<Instant> retryAt(Batch b, CallAttempt a, CallStore calls, RecipientStore recipients) {
        var spec = b.spec();
        if (a.status() == RecipientStatus.COMPLETED && a.disposition() == null && (spec.machinePolicy() == null
                || spec.machinePolicy() == MachinePolicy.REACHED || a.answeredBy() != AnsweredBy.MACHINE)) {
            return Optional.empty(); // reached: the common case reads nothing more
        }
        boolean rules = !spec.retry().byOutcome().isEmpty() || !spec.retry().byDisposition().isEmpty();
        List<CallAttempt> run = rules ? RetryRules.runOf(calls.attempts(a.recipientId()), a) : List.of(a);
        return RetryRules.retryAt(spec.retry(), spec.machinePolicy(), a, run, windows(b, a, recipients));
    }

    /** The windows a dial of the attempt's recipient waits for: the batch's, or one per zone of the recipient. */
    static List<CallWindow> windows(Batch b, CallAttempt a, RecipientStore recipients) {
        CallWindow w = b.spec().window();
        if (!b.spec().recipientLocalTime()) {
            return List.of(w);
        }
        List<ZoneId> zones = recipients.find(a.recipientId()).map(r -> ZoneKey.zones(r.zoneKey())).orElse(List.of());
        if (zones.isEmpty()) {
            return List.of(w);
        }
        List<CallWindow> out = new ArrayList<>();
        for (ZoneId z : zones) {
            out.add(new CallWindow(w.start(), w.end(), w.days(), z));
        }
        return out;
    }
}
