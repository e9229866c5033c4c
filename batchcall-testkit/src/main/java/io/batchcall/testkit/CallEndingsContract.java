package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of how claims and calls end in {@link CallStore}: release (not a dial),
 * finishUndialed, requeue for a retry, and recordCost. Subclass it and implement
 * {@link #newStorage(java.time.Clock)}.
 */
public abstract class CallEndingsContract extends StorageContractSupport {
    private static final AttemptId UNKNOWN = AttemptId.of(987_654_321L);

    private CallStore calls() {
        return storage.calls();
    }

    @Test
    void releaseGivesTheClaimBackWithoutCountingADial() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = claimOne(b);
        clock.advance(Duration.ofSeconds(4));
        long cursor = storage.events().latest(ACCOUNT);
        Instant due = now().plusSeconds(60);
        assertThat(calls().release(c.attempt().account(), c.attempt().id(), due, "rate limited", now())).isTrue();

        Recipient r = recipient(c.recipient().id());
        assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(r.attempts()).isZero();
        assertThat(r.notBefore()).isEqualTo(due);
        assertThat(r.reason()).isNull();
        assertThat(r.lastAttempt()).isEqualTo(c.attempt().id());
        CallAttempt a = attempt(c.attempt().id());
        assertThat(a.status()).isEqualTo(RecipientStatus.SKIPPED);
        assertThat(a.reason()).isEqualTo("rate limited");
        assertThat(a.endedAt()).isEqualTo(now());
        assertThat(a.talkTime()).isNull();
        assertThat(calls().activeCalls(b.id())).isZero();
        assertThat(calls().activeCalls(ACCOUNT)).isZero();
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::status).containsExactly("pending");
        assertThat(events.get(0).detail()).isEqualTo("rate limited");
        assertThat(events.get(0).attemptId()).isEqualTo(a.id());
        assertThat(events.get(0).at()).isEqualTo(now());

        assertThat(calls().release(a.account(), a.id(), due, "again", now())).isFalse();
        assertThat(carrier(a.id(), RecipientStatus.RINGING)).as("a released attempt takes no carrier status").isFalse();
        clock.set(due);
        Claim again = claimOne(b);
        assertThat(again.attempt().number()).isEqualTo(1);
        assertThat(again.recipient().attempts()).isEqualTo(1);
        assertThat(calls().attempts(r.id())).extracting(CallAttempt::status)
                .containsExactly(RecipientStatus.SKIPPED, RecipientStatus.CALLING);
    }

    @Test
    void releaseOfAPlacedCallIsRefused() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = placeOne(b);
        assertThat(calls().release(c.attempt().account(), c.attempt().id(), now(), "too late", now())).isFalse();
        assertThat(calls().release(ACCOUNT, UNKNOWN, now(), "unknown", now())).isFalse();
        assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.INITIATED);
    }

    @Test
    void finishUndialedEndsTheClaimWithTheOutcome() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim skipped = claimOne(b);
        Claim failed = claimOne(b);
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(calls().finishUndialed(skipped.attempt().account(), skipped.attempt().id(), RecipientStatus.SKIPPED, "on do-not-call list",
                now())).isTrue();
        assertThat(calls().finishUndialed(failed.attempt().account(), failed.attempt().id(), RecipientStatus.FAILED, "invalid number", now()))
                .isTrue();
        Recipient r = recipient(skipped.recipient().id());
        assertThat(r.status()).isEqualTo(RecipientStatus.SKIPPED);
        assertThat(r.reason()).isEqualTo("on do-not-call list");
        assertThat(r.attempts()).isEqualTo(1);
        CallAttempt a = attempt(failed.attempt().id());
        assertThat(a.status()).isEqualTo(RecipientStatus.FAILED);
        assertThat(a.reason()).isEqualTo("invalid number");
        assertThat(a.endedAt()).isEqualTo(now());
        assertThat(a.placedAt()).isNull();
        assertThat(recipient(failed.recipient().id()).status()).isEqualTo(RecipientStatus.FAILED);
        assertThat(calls().activeCalls(ACCOUNT)).isZero();
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::status).containsExactly("skipped", "failed");
        assertThat(events).extracting(StatusEvent::detail).containsExactly("on do-not-call list", "invalid number");
        assertThat(events).extracting(StatusEvent::attemptId).containsExactly(skipped.attempt().id(),
                failed.attempt().id());
        assertThat(calls().finishUndialed(failed.attempt().account(), failed.attempt().id(), RecipientStatus.SKIPPED, "again", now())).isFalse();
    }

    @Test
    void finishUndialedRefusesOtherOutcomesAndPlacedCalls() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim c = claimOne(b);
        assertThatThrownBy(() -> calls().finishUndialed(c.attempt().account(), c.attempt().id(), RecipientStatus.BUSY, "x", now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempt(c.attempt().id()).status()).isEqualTo(RecipientStatus.CALLING);
        Claim placed = placeOne(b);
        assertThat(calls().finishUndialed(placed.attempt().account(), placed.attempt().id(), RecipientStatus.FAILED, "x", now())).isFalse();
        assertThat(calls().finishUndialed(ACCOUNT, UNKNOWN, RecipientStatus.FAILED, "x", now())).isFalse();
    }

    @Test
    void settleWithRetryQueuesTheLatestUnsuccessfulAttempt() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim first = finishOne(b, RecipientStatus.BUSY);
        assertThat(attempt(first.attempt().id()).settlementDue()).isTrue();
        assertThat(calls().unsettled(now().plusSeconds(1), 10)).extracting(CallAttempt::id)
                .containsExactly(first.attempt().id());
        assertThat(calls().hasUnsettled(b.account(), b.id())).isTrue();
        long cursor = storage.events().latest(ACCOUNT);
        Instant due = now().plus(Duration.ofMinutes(15));
        assertThat(calls().settle(first.attempt().account(), first.attempt().id(), Money.usd("0.005"), due, now())).isTrue();
        Recipient r = recipient(first.recipient().id());
        assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(r.notBefore()).isEqualTo(due);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.reason()).isNull();
        CallAttempt settled = attempt(first.attempt().id());
        assertThat(settled.status()).as("history kept").isEqualTo(RecipientStatus.BUSY);
        assertThat(settled.cost()).isEqualTo(Money.usd("0.005"));
        assertThat(settled.settlementDue()).isFalse();
        assertThat(calls().unsettled(now().plusSeconds(1), 10)).isEmpty();
        assertThat(calls().hasUnsettled(b.account(), b.id())).isFalse();
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::status).containsExactly("pending");
        assertThat(events.get(0).attemptId()).isEqualTo(first.attempt().id());
        assertThat(calls().settle(first.attempt().account(), first.attempt().id(), Money.usd("9.99"), due, now())).as("settled once").isFalse();
        assertThat(attempt(first.attempt().id()).cost()).isEqualTo(Money.usd("0.005"));
        assertThat(eventsAfter(cursor)).hasSize(1);
    }

    @Test
    void settleRequeuesOnlyWhileTheRecipientStillFollowsTheAttempt() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim first = finishOne(b, RecipientStatus.NO_ANSWER);
        storage.recipients().requeueAll(b.id(), true, now()); // a re-run moved it on
        Claim second = claimOne(b);
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(calls().settle(first.attempt().account(), first.attempt().id(), Money.usd("0.005"), now().plusSeconds(60), now())).isTrue();
        assertThat(attempt(first.attempt().id()).cost()).as("the charge is recorded").isEqualTo(Money.usd("0.005"));
        assertThat(recipient(first.recipient().id()).status()).as("the newer attempt rules")
                .isEqualTo(RecipientStatus.CALLING);
        assertThat(recipient(first.recipient().id()).lastAttempt()).isEqualTo(second.attempt().id());
        assertThat(eventsAfter(cursor)).isEmpty();
    }

    @Test
    void settleWithoutRetryRecordsTheCostOnly() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim c = finishOne(b, RecipientStatus.COMPLETED);
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(calls().settle(c.attempt().account(), c.attempt().id(), Money.usd("0.025"), null, now())).isTrue();
        assertThat(attempt(c.attempt().id()).cost()).isEqualTo(Money.usd("0.025"));
        assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.COMPLETED);
        assertThat(storage.events().latest(ACCOUNT)).isEqualTo(cursor);
        // A completed attempt may be retried (a machine answer, a disposition), but only by its one settlement.
        assertThat(calls().settle(c.attempt().account(), c.attempt().id(), Money.usd("0.025"), now(), now())).isFalse();
        assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.COMPLETED);
        Claim inFlight = placeOne(b);
        assertThatThrownBy(() -> calls().settle(inFlight.attempt().account(), inFlight.attempt().id(), Money.usd("0.025"), now(), now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initiated");
    }

    @Test
    void nothingToSettleBeforeTheEndOrWithoutADial() {
        Batch b = running();
        addRecipients(b.id(), 0, 4);
        Claim inFlight = placeOne(b);
        Claim calling = claimOne(b);
        Claim released = claimOne(b);
        Claim refused = claimOne(b);
        calls().release(released.attempt().account(), released.attempt().id(), now(), "x", now());
        calls().finishUndialed(refused.attempt().account(), refused.attempt().id(), RecipientStatus.FAILED, "invalid number", now());
        for (Claim c : List.of(inFlight, calling, released, refused)) {
            assertThat(attempt(c.attempt().id()).settlementDue()).as("attempt %s", c.attempt().id()).isFalse();
            assertThat(calls().settle(c.attempt().account(), c.attempt().id(), Money.usd("0.005"), null, now())).isFalse();
            assertThat(attempt(c.attempt().id()).cost()).isNull();
        }
        assertThat(calls().settle(ACCOUNT, UNKNOWN, Money.usd("0.005"), null, now())).isFalse();
        assertThat(calls().unsettled(now().plusSeconds(1), 10)).isEmpty();
        assertThat(calls().hasUnsettled(b.account(), b.id())).isFalse();
    }

    @Test
    void unsettledListsEndedCallsOldestFirstBeforeTheGivenInstant() {
        Batch b = running();
        addRecipients(b.id(), 0, 3);
        Claim early = finishOne(b, RecipientStatus.COMPLETED);
        clock.advance(Duration.ofSeconds(5));
        Claim late = finishOne(b, RecipientStatus.FAILED);
        clock.advance(Duration.ofSeconds(5));
        Claim last = finishOne(b, RecipientStatus.BUSY);
        assertThat(calls().unsettled(now(), 10)).extracting(CallAttempt::id)
                .containsExactly(early.attempt().id(), late.attempt().id());
        assertThat(calls().unsettled(now().plusSeconds(1), 1)).extracting(CallAttempt::id)
                .containsExactly(early.attempt().id());
        assertThat(last.attempt().id()).isNotNull();
        assertThatThrownBy(() -> calls().unsettled(now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
