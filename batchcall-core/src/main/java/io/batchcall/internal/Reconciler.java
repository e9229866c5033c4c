package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slots and money from leaking: claims whose engine died (lease expired while
 * {@code calling}) and placed calls whose terminal event never came are looked up at the carrier
 * (a call the carrier knows is adopted and its status applied; a claim the carrier never saw goes
 * back to pending), and ended calls whose settlement is still due are settled.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int BATCH = 200;

    private final CallStore calls;
    private final BatchStore batches;
    private final Telephony telephony;
    private final CallOutcomes outcomes;
    private final Credit credit;
    private final Settlement settlement;
    private final EngineSettings settings;
    private final Clock clock;
    private Instant lastRun;

    Reconciler(CallStore calls, BatchStore batches, Telephony telephony, CallOutcomes outcomes, Credit credit,
            Settlement settlement, EngineSettings settings, Clock clock) {
        this.calls = calls;
        this.batches = batches;
        this.telephony = telephony;
        this.outcomes = outcomes;
        this.credit = credit;
        this.settlement = settlement;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Reconciles at most once per {@code reconcileInterval} of clock time: it is housekeeping
     * (leases are minutes long), and its look-ups need not cost every step.
     */
    void run() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastRun != null && now.isBefore(lastRun.plus(settings.reconcileInterval()))) {
                return;
            }
            lastRun = now;
        }
        for (CallAttempt a : calls.expiredClaims(now, BATCH)) {
            if (calls.takeOver(a.account(), a.id(), settings.nodeName(), now, now.plus(settings.lease()))) {
                recoverClaim(a);
            }
        }
        for (CallAttempt a : calls.staleCalls(now.minus(settings.staleCallAfter()), BATCH)) {
            checkStale(a);
        }
        int settled = settlement.sweep();
        if (settled > 0) {
            LOG.info("settled {} ended calls left unsettled (ledger failure or a node that stopped)", settled);
        }
    }

    private void recoverClaim(CallAttempt a) {
        LookupRequest asked = lookup(a);
        Optional<CallInfo> info;
        try {
            info = telephony.lookup(asked);
        } catch (RuntimeException e) {
            LOG.warn("lookup of expired claim {} failed; will try again after the lease", a.id(), e);
            return;
        }
        Instant now = clock.instant();
        if (info.isPresent() && asked.knownCallIds().contains(info.get().providerCallId())) {
            LOG.warn("lookup of attempt {} answered with call {}, which belongs to another attempt; ignored", a.id(),
                    info.get().providerCallId());
            info = Optional.empty();
        }
        if (info.isEmpty() && now.isBefore(a.claimedAt().plus(telephony.maxPlacementTime()))) {
            // The dead node's request may still reach the carrier: look again after the lease taken over.
            LOG.info("attempt {}: no call at the carrier yet, but a placement may still be under way; looking again "
                    + "later", a.id());
            return;
        }
        if (info.isEmpty()) {
            credit.release(a.account(), a.id());
            calls.release(a.account(), a.id(), now, "recovered: the carrier has no call for this attempt", now);
            LOG.info("attempt {} was claimed but never placed; recipient {} is pending again", a.id(), a.recipientId());
            return;
        }
        calls.markPlaced(a.account(), a.id(), info.get().providerCallId(), now);
        apply(a, info.get());
        LOG.info("attempt {} adopted as call {} ({})", a.id(), info.get().providerCallId(), info.get().status());
    }

    private void checkStale(CallAttempt a) {
        Optional<CallInfo> info;
        try {
            info = telephony.lookup(lookup(a));
        } catch (RuntimeException e) {
            LOG.warn("lookup of call {} (attempt {}) failed", a.providerCallId(), a.id(), e);
            calls.touch(a.account(), a.id(), clock.instant());
            return;
        }
        if (info.isEmpty()) {
            outcomes.onCallStatus(new CallStatusUpdate(a.id(), a.providerCallId(), RecipientStatus.FAILED,
                    clock.instant(), null, "the carrier has no record of this call").withAccount(a.account()));
            return;
        }
        if (!apply(a, info.get())) {
            calls.touch(a.account(), a.id(), clock.instant());
        }
    }

    private boolean apply(CallAttempt a, CallInfo info) {
        if (info.status() == RecipientStatus.INITIATED && a.status() != RecipientStatus.CALLING) {
            return false;
        }
        return outcomes.onCallStatus(new CallStatusUpdate(a.id(), info.providerCallId(), info.status(),
                clock.instant(), info.talkTime(), null).withAccount(a.account()));
    }

    private LookupRequest lookup(CallAttempt a) {
        var from = batches.find(a.batchId()).map(Batch::spec).map(s -> s.fromNumber()).orElse(null);
        Set<String> known = new HashSet<>();
        for (CallAttempt other : calls.attempts(a.recipientId())) {
            if (!other.id().equals(a.id()) && other.providerCallId() != null) {
                known.add(other.providerCallId());
            }
        }
        return new LookupRequest(a.id(), a.providerCallId(), a.to(), from, a.claimedAt(), known);
    }
}
