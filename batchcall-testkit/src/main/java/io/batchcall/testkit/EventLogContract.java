package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.PauseReason;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.Claim;
import io.batchcall.spi.EventLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventLog}: cursor paging in sequence order, {@code latest()}, and one
 * event per status change across a batch's whole life. Subclass it and implement
 * {@link #newStorage(java.time.Clock)}.
 */
public abstract class EventLogContract extends StorageContractSupport {

    private EventLog log() {
        return storage.events();
    }

    @Test
    void anEmptyLog() {
        assertThat(log().latest(ACCOUNT)).isZero();
        assertThat(log().after(ACCOUNT, 0, 10)).isEmpty();
        assertThat(log().heads()).isEmpty();
        assertThatThrownBy(() -> log().after(ACCOUNT, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log().after(ACCOUNT, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachAccountHasItsOwnNumbering() {
        Batch a = running(ACCOUNT, ConcurrencyPolicy.ofDefaults());
        Batch g = running(OTHER_ACCOUNT, ConcurrencyPolicy.ofDefaults());
        addRecipients(a.id(), 0, 3);
        addRecipients(g.id(), 100, 3);
        finishOne(a, RecipientStatus.COMPLETED);
        finishOne(g, RecipientStatus.BUSY);
        finishOne(a, RecipientStatus.NO_ANSWER);
        List<StatusEvent> acme = log().after(ACCOUNT, 0, 100);
        List<StatusEvent> globex = log().after(OTHER_ACCOUNT, 0, 100);
        assertThat(acme).extracting(StatusEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(globex).extracting(StatusEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(acme).allMatch(e -> e.account().equals(ACCOUNT));
        assertThat(globex).allMatch(e -> e.account().equals(OTHER_ACCOUNT));
        assertThat(log().heads()).containsEntry(ACCOUNT, 7L).containsEntry(OTHER_ACCOUNT, 4L).hasSize(2);
        assertThat(log().latest(OTHER_ACCOUNT)).isEqualTo(4L);
        assertThat(log().after(AccountId.of("nobody"), 0, 10)).isEmpty();
    }

    @Test
    void aCursorPagesThroughEveryEventOnceInOrder() {
        Batch b = running();
        addRecipients(b.id(), 0, 20);
        for (int i = 0; i < 6; i++) {
            finishOne(b, RecipientStatus.COMPLETED);
        }
        List<StatusEvent> all = log().after(ACCOUNT, 0, 1000);
        assertThat(all).hasSize(1 + 6 * 3);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isGreaterThan(all.get(i - 1).sequence());
        }
        assertThat(all.get(0).sequence()).isPositive();
        assertThat(log().latest(ACCOUNT)).isEqualTo(all.get(all.size() - 1).sequence());
        assertThat(eventsAfter(0)).isEqualTo(all);
        assertThat(log().after(ACCOUNT, 0, 5)).isEqualTo(all.subList(0, 5));
        assertThat(log().after(ACCOUNT, all.get(4).sequence(), 3)).isEqualTo(all.subList(5, 8));
        assertThat(log().after(ACCOUNT, log().latest(ACCOUNT), 10)).isEmpty();
    }

    @Test
    void everyStatusChangeOfABatchsLifeIsLogged() {
        long cursor = log().latest(ACCOUNT);
        Batch b = draft("life", ACCOUNT);
        List<?> rs = addRecipients(b.id(), 0, 3);
        assertThat(rs).hasSize(3);
        clock.advance(Duration.ofSeconds(1));
        b = storage.batches().update(b.withStatus(BatchStatus.RUNNING, null).withStartedAt(now()));
        Claim done = finishOne(b, RecipientStatus.COMPLETED);
        Claim busy = finishOne(b, RecipientStatus.BUSY);
        storage.calls().settle(busy.attempt().account(), busy.attempt().id(), Money.usd("0.005"), now(), now());
        Claim refused = claimOne(b);
        storage.calls().finishUndialed(refused.attempt().account(), refused.attempt().id(), RecipientStatus.SKIPPED, "guard", now());
        b = storage.batches().update(b.withStatus(BatchStatus.PAUSED, PauseReason.MANUAL));
        storage.recipients().skipPending(b.id(), "cancelled", now());
        b = storage.batches().update(b.withStatus(BatchStatus.CANCELLED, null).withFinishedAt(now()));

        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(e -> (e.isBatchEvent() ? "batch:" : "recipient:") + e.status()).containsExactly(
                "batch:draft", "batch:running",
                "recipient:calling", "recipient:initiated", "recipient:completed",
                "recipient:calling", "recipient:initiated", "recipient:busy", "recipient:pending",
                "recipient:calling", "recipient:skipped",
                "batch:paused", "recipient:skipped", "batch:cancelled");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.batchId()).isEqualTo(events.get(0).batchId());
            assertThat(e.account()).isEqualTo(ACCOUNT);
        });
        assertThat(events.subList(2, 5)).allSatisfy(e -> {
            assertThat(e.recipientId()).isEqualTo(done.recipient().id());
            assertThat(e.attemptId()).isEqualTo(done.attempt().id());
        });
        assertThat(events.subList(5, 9)).allSatisfy(e -> {
            assertThat(e.recipientId()).isEqualTo(busy.recipient().id());
            assertThat(e.attemptId()).isEqualTo(busy.attempt().id());
        });
        assertThat(events.get(11).detail()).isEqualTo("manual");
        assertThat(events.get(12).recipientId()).isEqualTo(busy.recipient().id());
        assertThat(events.get(12).detail()).isEqualTo("cancelled");
    }
}
