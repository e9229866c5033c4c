package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static io.batchcall.jdbc.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.NewBatch;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.DuplicateRunException;
import io.batchcall.spi.Storage;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batches: round trip, versions, series runs, queries. */
abstract class BatchStoreJdbcTest extends JdbcTestBase {
    @Test
    void specAndInstantsRoundTripExactly() {
        Storage s = storage();
        var full = spec("acme").toBuilder().agentId("bot-7").startAt(T0.plusSeconds(3600)).recipientLocalTime(true)
                .retry(RetryPolicy.on(Set.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), 3, Duration.ofMinutes(5)))
                .deadline(T0.plusSeconds(86_400))
                .ringTimeout(Duration.ofSeconds(45)).build();
        Batch created = s.batches().create(new NewBatch(full, BatchStatus.SCHEDULED, null, -1, T0.plusSeconds(3600), T0));
        assertThat(created.version()).isEqualTo(1);
        assertThat(s.batches().find(created.id())).contains(created);
        assertThat(created.createdAt()).isEqualTo(T0);
    }

    @Test
    void updateIsGuardedByVersion() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        Batch paused = s.batches().update(b.withStatus(BatchStatus.RUNNING, null).withStartedAt(T0));
        assertThat(paused.version()).isEqualTo(2);
        assertThat(s.batches().find(b.id())).contains(paused);
        assertThatThrownBy(() -> s.batches().update(b.withStatus(BatchStatus.CANCELLED, null)))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("batch " + b.id())
                .hasMessageContaining("expected version 1");
        assertThatThrownBy(() -> s.batches().update(new Batch(BatchId.of(9999), b.spec(), BatchStatus.DRAFT, null,
                null, null, -1, null, T0, null, null, 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteIsGuardedByVersionAndTakesRecipients() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        Fixtures.importRecipients(s, b, 10);
        assertThatThrownBy(() -> s.batches().delete(b.id(), 7)).isInstanceOf(ConcurrentUpdateException.class);
        s.batches().delete(b.id(), 1);
        assertThat(s.batches().find(b.id())).isEmpty();
        assertThat(s.recipients().counts(b.id()).total()).isZero();
        assertThatThrownBy(() -> s.batches().delete(b.id(), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void oneRunPerSeriesOccurrence() {
        Storage s = storage();
        Batch parent = s.batches().create(NewBatch.draft(spec("acme"), T0));
        s.batches().create(new NewBatch(spec("acme"), BatchStatus.SCHEDULED, parent.id(), 3, T0, T0));
        assertThatThrownBy(() -> s.batches().create(new NewBatch(spec("acme"), BatchStatus.SCHEDULED, parent.id(), 3,
                T0, T0))).isInstanceOf(DuplicateRunException.class).hasMessageContaining("occurrence 3");
        s.batches().create(new NewBatch(spec("acme"), BatchStatus.SCHEDULED, parent.id(), 4, T0, T0));
        assertThat(s.batches().find(BatchQuery.runsOf(parent.id(), 10))).extracting(Batch::occurrence)
                .containsExactly(4L, 3L);
    }

    @Test
    void queriesFilterAndPageNewestFirst() {
        Storage s = storage();
        Batch a1 = s.batches().create(NewBatch.draft(spec("a"), T0));
        Batch b1 = s.batches().create(new NewBatch(spec("b"), BatchStatus.RUNNING, null, -1, null, T0));
        Batch a2 = s.batches().create(new NewBatch(spec("a"), BatchStatus.RUNNING, null, -1, null, T0));
        Batch run = s.batches().create(new NewBatch(spec("a"), BatchStatus.RUNNING, a1.id(), 0, null, T0));
        assertThat(s.batches().find(BatchQuery.inStatus(Set.of(BatchStatus.RUNNING), 10))).extracting(Batch::id)
                .containsExactly(run.id(), a2.id(), b1.id());
        assertThat(s.batches().find(new BatchQuery(io.batchcall.model.AccountId.of("a"), Set.of(), null, true,
                null, 10))).extracting(Batch::id).containsExactly(a2.id(), a1.id());
        assertThat(s.batches().find(BatchQuery.inStatus(Set.of(), 2).before(a2.id()))).extracting(Batch::id)
                .containsExactly(b1.id(), a1.id());
    }
}
