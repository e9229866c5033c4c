package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.DialGuard;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import io.batchcall.spi.TelephonyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the calls of one claim: credit hold, dial guard, carrier, and the bookkeeping for each
 * outcome. One instance is shared by the engine's dial threads.
 */
final class Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    /** What became of one claim, for the engine to act on the batch. */
    enum Result { PLACED, NOT_DIALED, NO_CREDIT, FATAL }

    private final CallStore calls;
    private final Telephony telephony;
    private final Credit credit;
    private final DialGuard guard;
    private final Clock clock;
    private final Duration carrierBackoff;
    private final EngineObserver observer;
    private final LeaseKeeper leases;

    Dialer(CallStore calls, Telephony telephony, Credit credit, DialGuard guard, Clock clock, Duration backoff,
            EngineObserver observer, LeaseKeeper leases) {
        this.observer = observer;
        this.leases = leases;
        this.calls = calls;
        this.telephony = telephony;
        this.credit = credit;
        this.guard = guard;
        this.clock = clock;
        this.carrierBackoff = backoff;
    }

    /** Dials one claimed recipient; the claim is durable in the store already. */
    Result dial(Batch batch, Claim claim, FatalSink fatal) {
        var attempt = claim.attempt();
        AccountId account = batch.account();
        if (!credit.hold(account, attempt.id())) {
            calls.release(account, attempt.id(), clock.instant(), "not dialed: insufficient credit", clock.instant());
            return Result.NO_CREDIT;
        }
        CallRequest request = request(batch, claim.recipient(), claim);
        String refusal = refusal(request);
        if (refusal != null) {
            credit.release(account, attempt.id());
            calls.finishUndialed(account, attempt.id(), RecipientStatus.SKIPPED, refusal, clock.instant());
            return Result.NOT_DIALED;
        }
        if (!clock.instant().isBefore(attempt.leaseUntil())) {
            // Another node may already be reconciling this claim: never dial on an expired lease.
            credit.release(account, attempt.id());
            LOG.warn("claim {} expired before it was dialed; it will be reconciled", attempt.id());
            return Result.NOT_DIALED;
        }
        try {
            PlacedCall placed;
            try (LeaseKeeper.Watch w = leases.watch(account, attempt.id())) {
                placed = telephony.place(request); // the claim's lease is kept alive while the carrier answers
            }
            observer.onDialPlaced(account, dispatchLag(batch, claim));
            if (!calls.markPlaced(account, attempt.id(), placed.providerCallId(), clock.instant())) {
                // The claim was given back meanwhile (its lease could not be kept): this call belongs to no
                // attempt, and the recipient may be dialed again. End it rather than leave it unrecorded.
                LOG.error("attempt {} was placed as call {} after its claim had been given back; hanging the call up",
                        attempt.id(), placed.providerCallId());
                hangUpQuietly(placed.providerCallId());
            }
            return Result.PLACED;
        } catch (TelephonyException e) {
            return carrierRefused(batch, attempt.id(), e, fatal);
        } catch (RuntimeException e) {
            // An unexpected adapter failure is as ambiguous as a timeout: reconcile before re-dialing.
            observer.onCarrierError(account, TelephonyException.Kind.AMBIGUOUS);
            LOG.warn("placing attempt {} failed unexpectedly; it will be reconciled after its lease", attempt.id(), e);
            return Result.NOT_DIALED;
        }
    }

    private Result carrierRefused(Batch batch, io.batchcall.model.AttemptId attempt, TelephonyException e,
            FatalSink fatal) {
        Instant now = clock.instant();
        observer.onCarrierError(batch.account(), e.kind());
        switch (e.kind()) {
            case RETRYABLE -> {
                credit.release(batch.account(), attempt);
                Duration wait = e.retryAfter() != null ? e.retryAfter() : carrierBackoff;
                calls.release(batch.account(), attempt, now.plus(wait), "carrier asked to retry later: " + e.getMessage(),
                        now);
                return Result.NOT_DIALED;
            }
            case PERMANENT -> {
                credit.release(batch.account(), attempt);
                calls.finishUndialed(batch.account(), attempt, RecipientStatus.FAILED, e.getMessage(), now);
                return Result.NOT_DIALED;
            }
            case FATAL -> {
                credit.release(batch.account(), attempt);
                calls.release(batch.account(), attempt, now, "not dialed: " + e.getMessage(), now);
                fatal.batchFailed(batch, e.getMessage());
                return Result.FATAL;
            }
            default -> {
                LOG.warn("placing attempt {} had an ambiguous outcome ({}); it will be reconciled through the "
                        + "carrier after its lease", attempt, e.getMessage());
                return Result.NOT_DIALED;
            }
        }
    }

    /** From when the recipient was due (its notBefore, or the batch's last start if later) to now. */
    private Duration dispatchLag(Batch batch, Claim claim) {
        Instant due = claim.recipient().notBefore();
        if (batch.startedAt() != null && batch.startedAt().isAfter(due)) {
            due = batch.startedAt();
        }
        Duration lag = Duration.between(due, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    private void hangUpQuietly(String callId) {
        try {
            telephony.hangUp(callId);
        } catch (RuntimeException e) {
            LOG.warn("hanging up call {} failed", callId, e);
        }
    }

    private String refusal(CallRequest request) {
        try {
            DialGuard.Decision decision = guard.check(request);
            if (decision == null) {
                return "dial guard returned no decision";
            }
            return decision.allowed() ? null : decision.reason();
        } catch (RuntimeException e) {
            return "dial guard failed: " + e;
        }
    }

    static CallRequest request(Batch batch, Recipient r, Claim claim) {
        var spec = batch.spec();
        return new CallRequest(claim.attempt().id(), batch.id(), r.id(), batch.account(), r.phone(),
                spec.fromNumber(), spec.agentId(), r.name(), r.variables(), spec.ringTimeout(), spec.machinePolicy());
    }

    /** Told when the carrier refuses the whole batch. */
    interface FatalSink {
        void batchFailed(Batch batch, String reason);
    }
}
