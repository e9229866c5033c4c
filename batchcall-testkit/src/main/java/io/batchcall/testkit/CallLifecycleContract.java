package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of a call's way through {@link CallStore}: markPlaced, monotonic carrier statuses
 * and the events they append. Undialed endings, retries and costs are in
 * {@link CallEndingsContract}. Subclass it and implement {@link #newStorage(java.time.Clock)}.
 */
public abstract class CallLifecycleContract extends StorageContractSupport {
    private static final AttemptId UNKNOWN = AttemptId.of(987_654_321L);

    private CallStore calls() {
        return storage.calls();
    }

    private Optional<CallAttempt> apply(AttemptId id, RecipientStatus status, String callId, Duration talk,
            String reason) {
        return calls().applyCarrierStatus(ACCOUNT, id, new CarrierUpdate(status, now(), callId, talk, reason));
    }

    @Test
    void markPlacedMovesACallingClaimToInitiated() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = claimOne(b);
        clock.advance(Duration.ofSeconds(2));
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(calls().markPlaced(c.attempt().account(), c.attempt().id(), "CA-1", now())).isTrue();
        CallAttempt a = attempt(c.attempt().id());
        assertThat(a.status()).isEqualTo(RecipientStatus.INITIATED);
        assertThat(a.providerCallId()).isEqualTo("CA-1");
        assertThat(a.placedAt()).isEqualTo(now());
        assertThat(a.lastEventAt()).isEqualTo(now());
        assertThat(a.claimedAt()).isEqualTo(T0);
        assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.INITIATED);
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::status).containsExactly("initiated");
        assertThat(events.get(0).attemptId()).isEqualTo(a.id());
        assertThat(events.get(0).recipientId()).isEqualTo(c.recipient().id());
        assertThat(events.get(0).at()).isEqualTo(now());

        assertThat(calls().markPlaced(a.account(), a.id(), "CA-1", now())).as("repeated").isTrue();
        assertThat(calls().markPlaced(a.account(), a.id(), "CA-2", now())).as("another call id").isFalse();
        assertThat(attempt(a.id())).isEqualTo(a);
        assertThat(eventsAfter(cursor)).hasSize(1);
        assertThat(calls().markPlaced(ACCOUNT, UNKNOWN, "CA-3", now())).isFalse();
    }

    /**
     * The account comes first in every method that names an attempt (a store sharded by account
     * finds the attempt on that account's shard): given another account, the attempt is unknown
     * and nothing changes.
     */
    @Test
    void anAttemptOfAnotherAccountIsUnknown() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim placed = placeOne(b);
        Claim claimed = claimOne(b);
        CallAttempt before = attempt(placed.attempt().id());
        CallAttempt claimedBefore = attempt(claimed.attempt().id());
        long cursor = storage.events().latest(ACCOUNT);
        AttemptId id = placed.attempt().id();
        AttemptId other = claimed.attempt().id();

        assertThat(calls().markPlaced(OTHER_ACCOUNT, other, "CA-9", now())).isFalse();
        assertThat(calls().applyCarrierStatus(OTHER_ACCOUNT, id, new CarrierUpdate(RecipientStatus.COMPLETED, now(),
                null, Duration.ofSeconds(5), null))).isEmpty();
        assertThat(calls().release(OTHER_ACCOUNT, other, now(), "x", now())).isFalse();
        assertThat(calls().finishUndialed(OTHER_ACCOUNT, other, RecipientStatus.SKIPPED, "x", now())).isFalse();
        assertThat(calls().extendLease(OTHER_ACCOUNT, other, claimed.attempt().owner(), now(),
                now().plusSeconds(600))).isFalse();
        assertThat(calls().takeOver(OTHER_ACCOUNT, other, "thief", now().plusSeconds(3600), now().plusSeconds(7200)))
                .isFalse();
        calls().touch(OTHER_ACCOUNT, id, now().plusSeconds(60));
        assertThat(calls().hasUnsettled(OTHER_ACCOUNT, b.id())).isFalse();

        assertThat(attempt(id)).isEqualTo(before);
        assertThat(attempt(other)).isEqualTo(claimedBefore);
        assertThat(eventsAfter(cursor)).isEmpty();
        assertThat(calls().markPlaced(ACCOUNT, other, "CA-9", now())).as("with its own account").isTrue();
    }

    @Test
    void markPlacedAfterTheClaimWasLostIsRefused() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim released = claimOne(b);
        calls().release(released.attempt().account(), released.attempt().id(), now(), "lease expired, no call found", now());
        Claim refused = claimOne(b);
        calls().finishUndialed(refused.attempt().account(), refused.attempt().id(), RecipientStatus.FAILED, "invalid number", now());
        assertThat(calls().markPlaced(released.attempt().account(), released.attempt().id(), "CA-1", now())).isFalse();
        assertThat(calls().markPlaced(refused.attempt().account(), refused.attempt().id(), "CA-2", now())).isFalse();
        assertThat(attempt(released.attempt().id()).status()).isEqualTo(RecipientStatus.SKIPPED);
        assertThat(attempt(refused.attempt().id()).providerCallId()).isNull();
    }

    @Test
    void markPlacedAcceptsACallWhoseCallbackCameFirst() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim withId = claimOne(b);
        Claim withoutId = claimOne(b);
        assertThat(apply(withId.attempt().id(), RecipientStatus.RINGING, "CA-1", null, null)).isPresent();
        assertThat(apply(withoutId.attempt().id(), RecipientStatus.RINGING, null, null, null)).isPresent();
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(calls().markPlaced(withId.attempt().account(), withId.attempt().id(), "CA-1", now())).isTrue();
        assertThat(calls().markPlaced(withId.attempt().account(), withId.attempt().id(), "CA-9", now())).isFalse();
        assertThat(calls().markPlaced(withoutId.attempt().account(), withoutId.attempt().id(), "CA-2", now())).isTrue();
        assertThat(attempt(withoutId.attempt().id()).providerCallId()).isEqualTo("CA-2");
        assertThat(attempt(withoutId.attempt().id()).status()).isEqualTo(RecipientStatus.RINGING);
        assertThat(attempt(withId.attempt().id()).placedAt()).isEqualTo(T0);
        assertThat(recipient(withId.recipient().id()).status()).isEqualTo(RecipientStatus.RINGING);
        assertThat(eventsAfter(cursor)).as("no status change, no event").isEmpty();
    }

    @Test
    void carrierStatusesMoveTheCallForwardAndAppendEvents() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = placeOne(b);
        AttemptId id = c.attempt().id();
        long cursor = storage.events().latest(ACCOUNT);
        clock.advance(Duration.ofSeconds(1));
        CallAttempt ringing = apply(id, RecipientStatus.RINGING, callId(id), null, null).orElseThrow();
        assertThat(ringing.status()).isEqualTo(RecipientStatus.RINGING);
        assertThat(ringing.lastEventAt()).isEqualTo(now());
        assertThat(ringing.placedAt()).isEqualTo(T0);
        assertThat(ringing.endedAt()).isNull();
        assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.RINGING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(apply(id, RecipientStatus.IN_PROGRESS, null, null, null)).isPresent();
        clock.advance(Duration.ofSeconds(90));
        CallAttempt done = apply(id, RecipientStatus.COMPLETED, null, Duration.ofSeconds(90), null).orElseThrow();
        assertThat(attempt(id)).isEqualTo(done);
        assertThat(done.status()).isEqualTo(RecipientStatus.COMPLETED);
        assertThat(done.endedAt()).isEqualTo(now());
        assertThat(done.talkTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(done.providerCallId()).isEqualTo(callId(id));
        assertThat(done.reason()).isNull();
        Recipient r = recipient(c.recipient().id());
        assertThat(r.status()).isEqualTo(RecipientStatus.COMPLETED);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(calls().activeCalls(b.id())).isZero();
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::status).containsExactly("ringing", "in_progress", "completed");
        assertThat(events).extracting(StatusEvent::at).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2),
                T0.plusSeconds(92));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.attemptId()).isEqualTo(id);
            assertThat(e.recipientId()).isEqualTo(c.recipient().id());
            assertThat(e.batchId()).isEqualTo(b.id());
        });
    }

    @Test
    void duplicateStaleAndPostTerminalUpdatesAreIgnored() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = placeOne(b);
        AttemptId id = c.attempt().id();
        assertThat(carrier(id, RecipientStatus.INITIATED)).as("duplicate of markPlaced").isFalse();
        assertThat(carrier(id, RecipientStatus.IN_PROGRESS)).as("ringing may be skipped").isTrue();
        long cursor = storage.events().latest(ACCOUNT);
        CallAttempt before = attempt(id);
        assertThat(carrier(id, RecipientStatus.IN_PROGRESS)).as("duplicate").isFalse();
        assertThat(carrier(id, RecipientStatus.RINGING)).as("stale").isFalse();
        assertThat(attempt(id)).isEqualTo(before);
        assertThat(carrier(id, RecipientStatus.NO_ANSWER)).isTrue();
        CallAttempt ended = attempt(id);
        for (RecipientStatus late : List.of(RecipientStatus.COMPLETED, RecipientStatus.FAILED, RecipientStatus.BUSY,
                RecipientStatus.NO_ANSWER, RecipientStatus.IN_PROGRESS)) {
            assertThat(carrier(id, late)).as("after the end: " + late).isFalse();
        }
        assertThat(attempt(id)).isEqualTo(ended);
        assertThat(ended.talkTime()).as("zero talk time when not given").isEqualTo(Duration.ZERO);
        assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.NO_ANSWER);
        assertThat(eventsAfter(cursor)).extracting(StatusEvent::status).containsExactly("no_answer");
        assertThat(apply(UNKNOWN, RecipientStatus.RINGING, null, null, null)).isEmpty();
    }

    @Test
    void aCallingClaimAdoptsTheCarriersCallId() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = claimOne(b);
        CallAttempt a = apply(c.attempt().id(), RecipientStatus.INITIATED, "CA-77", null, null).orElseThrow();
        assertThat(a.providerCallId()).isEqualTo("CA-77");
        assertThat(a.placedAt()).isEqualTo(now());
        assertThat(apply(a.id(), RecipientStatus.COMPLETED, "CA-other", Duration.ofSeconds(600), null))
                .as("an update for another call is refused").isEmpty();
        assertThat(attempt(a.id()).status()).isEqualTo(RecipientStatus.INITIATED);
        assertThat(attempt(a.id()).talkTime()).isNull();
        CallAttempt b2 = apply(a.id(), RecipientStatus.RINGING, null, null, null).orElseThrow();
        assertThat(b2.providerCallId()).as("a recorded call id is kept").isEqualTo("CA-77");
        assertThat(apply(a.id(), RecipientStatus.IN_PROGRESS, "CA-77", null, null)).isPresent();
    }

    @Test
    void eventTimesNeverGoBackWithinAnAttempt() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = placeOne(b);
        long cursor = storage.events().latest(ACCOUNT);
        java.time.Instant behind = now().minusMillis(750); // a carrier clock behind ours, whole seconds
        CallAttempt ringing = storage.calls().applyCarrierStatus(c.attempt().account(), c.attempt().id(),
                new io.batchcall.spi.CarrierUpdate(RecipientStatus.RINGING, behind, null, null, null)).orElseThrow();
        assertThat(ringing.lastEventAt()).isEqualTo(now());
        assertThat(eventsAfter(cursor)).extracting(StatusEvent::at).containsExactly(now());
    }

    @Test
    void aFailedCallKeepsTheCarriersReason() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = placeOne(b);
        long cursor = storage.events().latest(ACCOUNT);
        CallAttempt a = apply(c.attempt().id(), RecipientStatus.FAILED, null, null, "number disconnected")
                .orElseThrow();
        assertThat(a.reason()).isEqualTo("number disconnected");
        assertThat(a.endedAt()).isEqualTo(now());
        Recipient r = recipient(c.recipient().id());
        assertThat(r.status()).isEqualTo(RecipientStatus.FAILED);
        assertThat(r.reason()).isEqualTo("number disconnected");
        assertThat(eventsAfter(cursor)).extracting(StatusEvent::detail).containsExactly("number disconnected");
    }

    /**
     * Many calls' updates delivered at once from many threads (as webhooks arrive): each update
     * is answered as if alone — applied only when it advances its call — each call's events
     * appear once each and in order, and the recipients follow their calls.
     */
    @Test
    void concurrentUpdatesOfManyCallsApplyEachOnceAndInOrder() throws Exception {
        Batch b = running(ACCOUNT, ConcurrencyPolicy.of(200, 0));
        addRecipients(b.id(), 0, 61);
        List<Claim> placed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            placed.add(placeOne(b));
        }
        long cursor = storage.events().latest(ACCOUNT);
        RecipientStatus[] script = {RecipientStatus.RINGING, RecipientStatus.IN_PROGRESS, RecipientStatus.RINGING,
            RecipientStatus.COMPLETED, RecipientStatus.COMPLETED, RecipientStatus.IN_PROGRESS};
        boolean[] applies = {true, true, false, true, false, false};
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Claim c : placed) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < script.length; k++) {
                        assertThat(calls().applyCarrierStatus(c.attempt().account(), c.attempt().id(), update(script[k], null)).isPresent())
                                .as("update %d (%s) of %s", k, script[k], c.attempt().id()).isEqualTo(applies[k]);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            Claim raced = placeOne(b);
            List<Future<Boolean>> race = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                race.add(pool.submit(() -> carrier(raced.attempt().id(), RecipientStatus.BUSY)));
            }
            int applied = 0;
            for (Future<Boolean> f : race) {
                applied += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(applied).as("one of four racing end updates").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Map<AttemptId, List<String>> byCall = new HashMap<>();
        for (StatusEvent e : eventsAfter(cursor)) {
            byCall.computeIfAbsent(e.attemptId(), k -> new ArrayList<>()).add(e.status());
        }
        for (Claim c : placed) {
            assertThat(byCall.get(c.attempt().id())).as("events of %s", c.attempt().id())
                    .containsExactly("ringing", "in_progress", "completed");
            assertThat(attempt(c.attempt().id()).status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(attempt(c.attempt().id()).talkTime()).isEqualTo(Duration.ofSeconds(61));
            assertThat(recipient(c.recipient().id()).status()).isEqualTo(RecipientStatus.COMPLETED);
        }
    }
}
