package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static io.batchcall.jdbc.Fixtures.recipients;
import static io.batchcall.jdbc.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imports: one unit of work, duplicates skipped, variables kept in order. */
abstract class ImportJdbcTest extends JdbcTestBase {
    @Test
    void chunksAreInvisibleUntilCommitAndDuplicatesAreCounted() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        try (ImportSession session = s.recipients().openImport(b.id())) {
            assertThat(session.add(recipients(0, 3))).isEqualTo(3);
            List<NewRecipient> again = new ArrayList<>(recipients(2, 3));
            again.add(recipients(4, 1).get(0));
            assertThat(session.add(again)).isEqualTo(2);
            assertThat(s.recipients().counts(b.id()).total()).isZero();
            assertThat(session.commit()).isEqualTo(5);
        }
        assertThat(s.recipients().counts(b.id()).pending()).isEqualTo(5);
        try (ImportSession session = s.recipients().openImport(b.id())) {
            assertThat(session.add(recipients(3, 4))).isEqualTo(2);
            assertThat(session.commit()).isEqualTo(2);
        }
        List<String> phones = new ArrayList<>();
        s.recipients().forEachPhone(b.id(), phones::add);
        assertThat(phones).containsExactly(recipients(0, 7).stream().map(r -> r.phone().e164()).toArray(String[]::new));
    }

    @Test
    void closeWithoutCommitLeavesTheBatchAsItWas() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        Fixtures.importRecipients(s, b, 2);
        try (ImportSession session = s.recipients().openImport(b.id())) {
            session.add(recipients(100, 50));
        }
        assertThat(s.recipients().counts(b.id()).total()).isEqualTo(2);
        assertThatThrownBy(() -> s.recipients().openImport(BatchId.of(404))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void recipientsReadBackWithVariablesInColumnOrder() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        Fixtures.importRecipients(s, b, 3);
        List<Recipient> page = s.recipients().list(b.id(), RecipientQuery.first(2));
        assertThat(page).hasSize(2);
        Recipient first = page.get(0);
        NewRecipient source = recipients(0, 1).get(0);
        assertThat(first.phone()).isEqualTo(source.phone());
        assertThat(first.name()).isEqualTo(source.name());
        assertThat(first.variables()).containsExactlyEntriesOf(source.variables());
        assertThat(first.zoneKey()).isEqualTo("Europe/Berlin");
        assertThat(first.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(first.attempts()).isZero();
        assertThat(first.lastAttempt()).isNull();
        assertThat(s.recipients().find(first.id())).contains(first);
        assertThat(s.recipients().list(b.id(), new RecipientQuery(null, page.get(1).id(), 10))).hasSize(1);
        assertThat(s.recipients().pendingZoneKeys(b.id())).containsExactlyInAnyOrder("Europe/Berlin",
                "America/New_York");
    }

    @Test
    void aHundredThousandRowsInOneUnitOfWork() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        long started = System.nanoTime();
        assertThat(Fixtures.importRecipients(s, b, 100_000)).isEqualTo(100_000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(s.recipients().counts(b.id()).pending()).isEqualTo(100_000);
        System.out.println(db().dialect() + " imported 100k recipients in " + millis + " ms");
    }

    @Test
    void copyBulkMovesAndCountsDeriveFromRows() {
        Storage s = storage();
        Batch parent = s.batches().create(NewBatch.draft(spec("acme"), T0));
        Fixtures.importRecipients(s, parent, 5);
        Batch run = s.batches().create(new NewBatch(spec("acme"), io.batchcall.model.BatchStatus.RUNNING, parent.id(),
                0, null, T0));
        assertThat(s.recipients().copyRecipients(parent.id(), run.id())).isEqualTo(5);
        assertThat(s.recipients().skipPending(run.id(), "cancelled", T0)).isEqualTo(5);
        assertThat(s.recipients().counts(run.id()).skipped()).isEqualTo(5);
        assertThat(s.recipients().requeueAll(run.id(), true, T0)).isEqualTo(5);
        assertThat(s.recipients().counts(run.id()).pending()).isEqualTo(5);
        assertThat(s.recipients().counts(parent.id()).pending()).isEqualTo(5);
    }
}
