package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static io.batchcall.jdbc.Fixtures.recipients;
import static io.batchcall.jdbc.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.Batch;
import io.batchcall.model.NewBatch;
import io.batchcall.model.Recipient;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * H2 imports go in multi-row INSERTs of 200 rows; a statement the unique (batch_id, phone) index
 * refuses is rolled back to its savepoint and redone row by row, so exactly the new rows count.
 */
class H2ImportWriterTest {
    @RegisterExtension
    static final TestDb DB = TestDb.h2();

    @Test
    void rowsAlreadyStoredAreSkippedAndTheRestOfTheirStatementIsKept() {
        DataSource ds = DB.fresh();
        Storage s = JdbcStorage.builder(ds).migrate(true).build();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        try (ImportSession first = s.recipients().openImport(b.id())) {
            assertThat(first.add(recipients(0, 450))).isEqualTo(450);   // 200 + 200 + 50
            first.commit();
        }
        try (ImportSession second = s.recipients().openImport(b.id())) {
            // Statement 1: 430-629 holds 20 stored numbers; statement 2: 630-829 none; 3: 830-1029 none.
            assertThat(second.add(recipients(430, 600))).isEqualTo(580);
            // Within one session too: 1000-1099 were added just above (uncommitted, same transaction).
            assertThat(second.add(recipients(1000, 150))).isEqualTo(120);
            assertThat(second.commit()).isEqualTo(700);
        }
        List<Recipient> stored = s.recipients().list(b.id(), RecipientQuery.first(2_000));
        assertThat(stored).hasSize(1150);
        assertThat(stored).extracting(Recipient::phone).doesNotHaveDuplicates()
                .containsExactlyElementsOf(recipients(0, 1150).stream().map(r -> r.phone()).toList());
    }

    @Test
    void anAbandonedImportLeavesNothing() {
        DataSource ds = DB.fresh();
        Storage s = JdbcStorage.builder(ds).migrate(true).build();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        try (ImportSession session = s.recipients().openImport(b.id())) {
            session.add(recipients(0, 1_000));
        }
        assertThat(s.recipients().list(b.id(), RecipientQuery.first(10))).isEmpty();
    }
}
