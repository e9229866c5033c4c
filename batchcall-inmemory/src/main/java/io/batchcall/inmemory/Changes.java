package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import java.time.Instant;

/** The copies of recipients and attempts that each store operation writes. */
final class Changes {
    private Changes() {
    }

    static Recipient recipient(Recipient r, RecipientStatus status, int attempts, Instant notBefore, String reason,
            AttemptId lastAttempt) {
        return new Recipient(r.id(), r.batchId(), r.phone(), r.name(), r.variables(), r.zoneKey(), status, attempts,
                notBefore, reason, lastAttempt);
    }

    static Recipient recipient(Recipient r, RecipientStatus status, String reason) {
        return recipient(r, status, r.attempts(), r.notBefore(), reason, r.lastAttempt());
    }

    static CallAttempt claimed(AttemptId id, Recipient claimed, AccountId account, String owner, Instant now,
            Instant leaseUntil) {
        return new CallAttempt(id, claimed.id(), claimed.batchId(), account, claimed.attempts(), claimed.phone(), null,
                RecipientStatus.CALLING, owner, now, leaseUntil, null, now, null, null, null, null);
    }

    static CallAttempt placed(CallAttempt a, String providerCallId, Instant at) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(), providerCallId,
                RecipientStatus.INITIATED, a.owner(), a.claimedAt(), a.leaseUntil(), at, at, a.endedAt(),
                a.talkTime(), a.cost(), a.reason());
    }

    static CallAttempt callId(CallAttempt a, String providerCallId) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(), providerCallId,
                a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), a.lastEventAt(), a.endedAt(),
                a.talkTime(), a.cost(), a.reason());
    }

    static CallAttempt carrier(CallAttempt a, CarrierUpdate u) {
        boolean end = u.status().isTerminal();
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId() != null ? a.providerCallId() : u.providerCallId(), u.status(), a.owner(),
                a.claimedAt(), a.leaseUntil(), a.placedAt() != null ? a.placedAt() : u.at(), u.at(),
                end ? u.at() : null, end ? u.talkTimeOrZero() : null, a.cost(), end ? u.reason() : a.reason());
    }

    /** A claim ended without a dial: released (skipped) or finished undialed. */
    static CallAttempt undialed(CallAttempt a, RecipientStatus outcome, String reason, Instant at) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), outcome, a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), at, at, null,
                a.cost(), reason);
    }

    static CallAttempt lease(CallAttempt a, String owner, Instant leaseUntil) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), a.status(), owner, a.claimedAt(), leaseUntil, a.placedAt(), a.lastEventAt(),
                a.endedAt(), a.talkTime(), a.cost(), a.reason());
    }

    static CallAttempt heard(CallAttempt a, Instant at) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), at,
                a.endedAt(), a.talkTime(), a.cost(), a.reason());
    }

    static CallAttempt cost(CallAttempt a, Money cost) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(),
                a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(),
                a.lastEventAt(), a.endedAt(), a.talkTime(), cost, a.reason());
    }
}
