package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.NewBatch;
import io.batchcall.model.PauseReason;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.DuplicateRunException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BatchStore}: create, find, versioned update and delete, queries, the
 * one-run-per-occurrence rule and batch events. Subclass it and implement
 * {@link #newStorage(java.time.Clock)}.
 */
public abstract class BatchStoreContract extends StorageContractSupport {

    private BatchStore batches() {
        return storage.batches();
    }

    private NewBatch run(Batch parent, long occurrence) {
        return new NewBatch(parent.spec(), BatchStatus.SCHEDULED, parent.id(), occurrence, now().plusSeconds(60), now());
    }

    @Test
    void createStoresEveryFieldWithVersionOne() {
        Instant at = Instant.parse("2025-03-11T08:30:00Z");
        NewBatch nb = new NewBatch(spec("Spring", ACCOUNT, ConcurrencyPolicy.of(10, 2)), BatchStatus.SCHEDULED, null,
                -1, at, now());
        Batch b = batches().create(nb);
        assertThat(b.version()).isEqualTo(1);
        assertThat(b.spec()).isEqualTo(nb.spec());
        assertThat(b.status()).isEqualTo(BatchStatus.SCHEDULED);
        assertThat(b.scheduledFor()).isEqualTo(at);
        assertThat(b.createdAt()).isEqualTo(T0);
        assertThat(b.parentId()).isNull();
        assertThat(b.occurrence()).isEqualTo(-1);
        assertThat(b.pauseReason()).isNull();
        assertThat(b.failureReason()).isNull();
        assertThat(b.startedAt()).isNull();
        assertThat(b.finishedAt()).isNull();
        assertThat(batches().find(b.id())).contains(b);
    }

    @Test
    void createHandsOutIncreasingIds() {
        Batch a = draft("a", ACCOUNT);
        Batch b = draft("b", ACCOUNT);
        Batch c = draft("c", OTHER_ACCOUNT);
        assertThat(a.id()).isLessThan(b.id());
        assertThat(b.id()).isLessThan(c.id());
    }

    @Test
    void findUnknownIsEmpty() {
        assertThat(batches().find(BatchId.of(987_654_321L))).isEmpty();
    }

    @Test
    void updateStoresTheChangeWithTheNextVersion() {
        Batch b = draft("a", ACCOUNT);
        clock.advance(Duration.ofMinutes(1));
        Batch changed = b.withStatus(BatchStatus.RUNNING, null).withStartedAt(now())
                .withSpec(b.spec().toBuilder().name("renamed").build());
        Batch stored = batches().update(changed);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(stored.startedAt()).isEqualTo(now());
        assertThat(stored.spec().name()).isEqualTo("renamed");
        assertThat(batches().find(b.id())).contains(stored);
        assertThat(batches().update(stored.withFinishedAt(now())).version()).isEqualTo(3);
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        Batch b = draft("a", ACCOUNT);
        Batch first = batches().update(b.withSpec(b.spec().toBuilder().name("first").build()));
        assertThatThrownBy(() -> batches().update(b.withSpec(b.spec().toBuilder().name("second").build())))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining(b.id().toString());
        assertThat(batches().find(b.id())).contains(first);
    }

    @Test
    void updateOfAnUnknownBatchIsNotFound() {
        Batch b = draft("a", ACCOUNT);
        batches().delete(b.id(), b.version());
        assertThatThrownBy(() -> batches().update(b)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void updateKeepsTheIdentityFields() {
        Batch parent = draft("parent", ACCOUNT);
        Batch run = batches().create(run(parent, 3));
        Batch forged = new Batch(run.id(), run.spec(), BatchStatus.RUNNING, null, null, null, 9,
                run.scheduledFor(), T0.minusSeconds(3600), null, null, run.version());
        Batch stored = batches().update(forged);
        assertThat(stored.parentId()).isEqualTo(parent.id());
        assertThat(stored.occurrence()).isEqualTo(3);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.status()).isEqualTo(BatchStatus.RUNNING);
    }

    @Test
    void deleteRemovesTheBatchWithItsRecipientsAndAttempts() {
        Batch b = running();
        addRecipients(b.id(), 0, 3);
        Claim c = claimOne(b);
        batches().delete(b.id(), b.version());
        assertThat(batches().find(b.id())).isEmpty();
        assertThat(storage.recipients().find(c.recipient().id())).isEmpty();
        assertThat(storage.recipients().counts(b.id()).total()).isZero();
        assertThat(storage.calls().attempt(c.attempt().id())).isEmpty();
        assertThat(storage.calls().activeCalls(ACCOUNT)).isZero();
        assertThat(storage.calls().activeCalls(b.id())).isZero();
    }

    @Test
    void deleteChecksTheVersionAndExistence() {
        Batch b = draft("a", ACCOUNT);
        Batch v2 = batches().update(b);
        assertThatThrownBy(() -> batches().delete(b.id(), b.version())).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(batches().find(b.id())).contains(v2);
        batches().delete(b.id(), v2.version());
        assertThatThrownBy(() -> batches().delete(b.id(), v2.version())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void oneRunPerSeriesOccurrence() {
        Batch parent = draft("parent", ACCOUNT);
        Batch other = draft("other", ACCOUNT);
        Batch first = batches().create(run(parent, 0));
        assertThatThrownBy(() -> batches().create(run(parent, 0))).isInstanceOf(DuplicateRunException.class)
                .hasMessageContaining(parent.id().toString());
        assertThat(batches().create(run(parent, 1)).occurrence()).isEqualTo(1);
        assertThat(batches().create(run(other, 0)).parentId()).isEqualTo(other.id());
        assertThat(batches().find(BatchQuery.runsOf(parent.id(), 10))).hasSize(2);
        batches().delete(first.id(), first.version());
        assertThat(batches().create(run(parent, 0)).occurrence()).isZero();
    }

    @Test
    void queryReturnsNewestFirstInKeysetPages() {
        List<Batch> made = List.of(draft("1", ACCOUNT), draft("2", ACCOUNT), draft("3", ACCOUNT), draft("4", ACCOUNT),
                draft("5", ACCOUNT));
        BatchQuery q = BatchQuery.inStatus(Set.of(), 2);
        List<Batch> page1 = batches().find(q);
        List<Batch> page2 = batches().find(q.before(page1.get(1).id()));
        List<Batch> page3 = batches().find(q.before(page2.get(1).id()));
        assertThat(page1).containsExactly(made.get(4), made.get(3));
        assertThat(page2).containsExactly(made.get(2), made.get(1));
        assertThat(page3).containsExactly(made.get(0));
        assertThat(batches().find(q.before(made.get(0).id()))).isEmpty();
    }

    @Test
    void queryFiltersByAccountStatusParentAndTopLevel() {
        Batch a1 = draft("a1", ACCOUNT);
        Batch a2 = batches().update(draft("a2", ACCOUNT).withStatus(BatchStatus.RUNNING, null));
        Batch b1 = draft("b1", OTHER_ACCOUNT);
        Batch r0 = batches().create(run(a1, 0));
        Batch r1 = batches().create(run(a1, 1));
        assertThat(batches().find(new BatchQuery(ACCOUNT, Set.of(), null, false, null, 100)))
                .containsExactly(r1, r0, a2, a1);
        assertThat(batches().find(new BatchQuery(OTHER_ACCOUNT, Set.of(), null, false, null, 100))).containsExactly(b1);
        assertThat(batches().find(BatchQuery.inStatus(Set.of(BatchStatus.RUNNING, BatchStatus.SCHEDULED), 100)))
                .containsExactly(r1, r0, a2);
        assertThat(batches().find(BatchQuery.runsOf(a1.id(), 100))).containsExactly(r1, r0);
        assertThat(batches().find(new BatchQuery(null, Set.of(), null, true, null, 100))).containsExactly(b1, a2, a1);
        assertThat(batches().find(new BatchQuery(ACCOUNT, Set.of(BatchStatus.DRAFT), null, true, null, 1)))
                .containsExactly(a1);
    }

    @Test
    void createAppendsAnEventForTheInitialStatus() {
        long cursor = storage.events().latest(ACCOUNT);
        Batch b = draft("a", ACCOUNT);
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).hasSize(1);
        StatusEvent e = events.get(0);
        assertThat(e.batchId()).isEqualTo(b.id());
        assertThat(e.account()).isEqualTo(ACCOUNT);
        assertThat(e.recipientId()).isNull();
        assertThat(e.attemptId()).isNull();
        assertThat(e.status()).isEqualTo("draft");
        assertThat(e.detail()).isNull();
        assertThat(e.at()).isEqualTo(T0);
        assertThat(e.isBatchEvent()).isTrue();
    }

    @Test
    void updateAppendsAnEventWhenStatusOrDetailChanges() {
        Batch b = draft("a", ACCOUNT);
        long cursor = storage.events().latest(ACCOUNT);
        b = batches().update(b.withSpec(b.spec().toBuilder().name("renamed").build()));
        assertThat(eventsAfter(cursor)).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        b = batches().update(b.withStatus(BatchStatus.RUNNING, null));
        b = batches().update(b.withStatus(BatchStatus.PAUSED, PauseReason.OUTSIDE_WINDOW));
        clock.advance(Duration.ofSeconds(5));
        b = batches().update(b.withStatus(BatchStatus.PAUSED, PauseReason.MANUAL));
        b = batches().update(b.withStatus(BatchStatus.PAUSED, PauseReason.MANUAL));
        b = batches().update(b.withStatus(BatchStatus.RUNNING, null));
        b = batches().update(b.withStatus(BatchStatus.FAILED, null).withFailureReason("carrier rejected credentials"));
        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).extracting(StatusEvent::status)
                .containsExactly("running", "paused", "paused", "running", "failed");
        assertThat(events).extracting(StatusEvent::detail)
                .containsExactly(null, "outside_window", "manual", null, "carrier rejected credentials");
        assertThat(events).extracting(StatusEvent::at)
                .containsExactly(T0.plusSeconds(5), T0.plusSeconds(5), T0.plusSeconds(10), T0.plusSeconds(10),
                        T0.plusSeconds(10));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.batchId()).isEqualTo(b0(events));
            assertThat(e.recipientId()).isNull();
        });
    }

    private static BatchId b0(List<StatusEvent> events) {
        return events.get(0).batchId();
    }

    @Test
    void deleteKeepsEarlierEventsAndAppendsNone() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        claimOne(b);
        long latest = storage.events().latest(ACCOUNT);
        List<StatusEvent> before = eventsAfter(0);
        batches().delete(b.id(), b.version());
        assertThat(storage.events().latest(ACCOUNT)).isEqualTo(latest);
        assertThat(eventsAfter(0)).isEqualTo(before);
        assertThat(before).extracting(StatusEvent::status).containsExactly("running", RecipientStatus.CALLING.wireName());
    }
}
