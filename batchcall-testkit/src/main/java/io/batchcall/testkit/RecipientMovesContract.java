package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.Claim;
import io.batchcall.spi.RecipientStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RecipientStore}'s bulk moves: copying a template, skipping what is
 * pending, and re-queueing for a re-run, with one event per moved recipient. Subclass it and
 * implement {@link #newStorage(java.time.Clock)}.
 */
public abstract class RecipientMovesContract extends StorageContractSupport {

    private RecipientStore recipients() {
        return storage.recipients();
    }

    @Test
    void copyRecipientsClonesEveryRecipientAsFreshPending() {
        Batch template = running();
        importAll(template.id(), List.of(new NewRecipient(phone(1), "Ann", Map.of("k", "v"), "Europe/Berlin"),
                new NewRecipient(phone(2), "Bob", Map.of(), ""), new NewRecipient(phone(3), "Cy", Map.of(), "")));
        finishOne(template, RecipientStatus.BUSY);
        claimOne(template);
        Batch run = draft("run", ACCOUNT);
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(recipients().copyRecipients(template.id(), run.id())).isEqualTo(3);
        List<Recipient> copies = allRecipients(run.id());
        assertThat(copies).extracting(Recipient::phone).containsExactly(phone(1), phone(2), phone(3));
        assertThat(copies).allSatisfy(r -> {
            assertThat(r.batchId()).isEqualTo(run.id());
            assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
            assertThat(r.attempts()).isZero();
            assertThat(r.notBefore()).isEqualTo(Instant.EPOCH);
            assertThat(r.reason()).isNull();
            assertThat(r.lastAttempt()).isNull();
            assertThat(storage.calls().attempts(r.id())).isEmpty();
        });
        assertThat(copies.get(0).name()).isEqualTo("Ann");
        assertThat(copies.get(0).variables()).isEqualTo(Map.of("k", "v"));
        assertThat(copies.get(0).zoneKey()).isEqualTo("Europe/Berlin");
        assertThat(recipients().counts(template.id()).pending()).as("source untouched").isEqualTo(1);
        assertThat(storage.events().latest(ACCOUNT)).as("copying appends no events").isEqualTo(cursor);
    }

    @Test
    void copyRecipientsSkipsNumbersAlreadyInTheTarget() {
        Batch template = draft("template", ACCOUNT);
        addRecipients(template.id(), 1, 3);
        Batch run = draft("run", ACCOUNT);
        addRecipients(run.id(), 2, 1);
        assertThat(recipients().copyRecipients(template.id(), run.id())).isEqualTo(2);
        assertThat(recipients().counts(run.id()).total()).isEqualTo(3);
        assertThat(recipients().copyRecipients(template.id(), run.id())).isZero();
    }

    @Test
    void copyRecipientsNeedsBothBatches() {
        Batch b = draft("a", ACCOUNT);
        BatchId unknown = BatchId.of(987_654_321L);
        assertThatThrownBy(() -> recipients().copyRecipients(unknown, b.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recipients().copyRecipients(b.id(), unknown)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void skipPendingSkipsOnlyPendingRecipientsWithOneEventEach() {
        Batch b = running();
        List<Recipient> all = addRecipients(b.id(), 0, 5);
        Claim inFlight = placeOne(b);
        Claim later = claimOne(b);
        storage.calls().release(later.attempt().account(), later.attempt().id(), now().plus(Duration.ofHours(1)), "retry later", now());
        clock.advance(Duration.ofSeconds(3));
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(recipients().skipPending(b.id(), "batch cancelled", now())).isEqualTo(4);
        assertThat(recipient(inFlight.recipient().id()).status()).isEqualTo(RecipientStatus.INITIATED);
        Recipient skippedLater = recipient(later.recipient().id());
        assertThat(skippedLater.status()).isEqualTo(RecipientStatus.SKIPPED);
        assertThat(skippedLater.reason()).isEqualTo("batch cancelled");
        assertThat(skippedLater.notBefore()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(skippedLater.lastAttempt()).isEqualTo(later.attempt().id());
        assertThat(recipients().counts(b.id()).skipped()).isEqualTo(4);
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::recipientId).containsExactly(all.get(1).id(), all.get(2).id(),
                all.get(3).id(), all.get(4).id());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo("skipped");
            assertThat(e.detail()).isEqualTo("batch cancelled");
            assertThat(e.attemptId()).isNull();
            assertThat(e.batchId()).isEqualTo(b.id());
            assertThat(e.account()).isEqualTo(ACCOUNT);
            assertThat(e.at()).isEqualTo(T0.plusSeconds(3));
        });
        assertThat(recipients().skipPending(b.id(), "again", now())).isZero();
    }

    @Test
    void requeueAllMovesFinishedRecipientsBackToPending() {
        Batch b = running();
        addRecipients(b.id(), 0, 6);
        Claim completed = finishOne(b, RecipientStatus.COMPLETED);
        Claim busy = finishOne(b, RecipientStatus.BUSY);
        Claim retried = finishOne(b, RecipientStatus.NO_ANSWER);
        storage.calls().settle(retried.attempt().account(), retried.attempt().id(), Money.usd("0.005"), now(), now());
        Claim skipped = claimOne(b);
        storage.calls().finishUndialed(skipped.attempt().account(), skipped.attempt().id(), RecipientStatus.SKIPPED, "do not call", now());
        Claim inFlight = placeOne(b);
        clock.advance(Duration.ofMinutes(10));
        long cursor = storage.events().latest(ACCOUNT);

        assertThat(recipients().requeueAll(b.id(), false, now())).isEqualTo(3);

        for (Claim c : List.of(completed, busy, skipped)) {
            Recipient r = recipient(c.recipient().id());
            assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
            assertThat(r.attempts()).isZero();
            assertThat(r.notBefore()).isEqualTo(now());
            assertThat(r.reason()).isNull();
            assertThat(r.lastAttempt()).isEqualTo(c.attempt().id());
            assertThat(storage.calls().attempts(r.id())).hasSize(1);
        }
        Recipient pendingRetry = recipient(retried.recipient().id());
        assertThat(pendingRetry.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(pendingRetry.attempts()).as("pending recipients start the new run at zero").isZero();
        assertThat(pendingRetry.notBefore()).isEqualTo(T0);
        assertThat(recipient(inFlight.recipient().id()).status()).isEqualTo(RecipientStatus.INITIATED);
        assertThat(recipient(inFlight.recipient().id()).attempts()).isEqualTo(1);

        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::recipientId).containsExactly(completed.recipient().id(),
                busy.recipient().id(), skipped.recipient().id());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo("pending");
            assertThat(e.detail()).isNull();
            assertThat(e.attemptId()).isNull();
            assertThat(e.at()).isEqualTo(now());
        });
    }

    @Test
    void requeueAllUnreachedOnlyKeepsCompletedRecipients() {
        Batch b = running();
        addRecipients(b.id(), 0, 4);
        Claim completed = finishOne(b, RecipientStatus.COMPLETED);
        Claim failed = finishOne(b, RecipientStatus.FAILED);
        recipients().skipPending(b.id(), "cancelled", now());
        assertThat(recipients().requeueAll(b.id(), true, now())).isEqualTo(3);
        Recipient done = recipient(completed.recipient().id());
        assertThat(done.status()).isEqualTo(RecipientStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(recipient(failed.recipient().id()).status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(recipients().counts(b.id()).pending()).isEqualTo(3);
        Claim again = claimOne(b);
        assertThat(again.recipient().id()).isEqualTo(failed.recipient().id());
        assertThat(again.attempt().number()).as("first dial of the new run").isEqualTo(1);
        assertThat(storage.calls().attempts(failed.recipient().id())).hasSize(2);
    }
}
