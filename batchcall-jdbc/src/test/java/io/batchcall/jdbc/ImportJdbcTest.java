package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static io.batchcall.jdbc.Fixtures.recipients;
import static io.batchcall.jdbc.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.Batch;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports as one database transaction (COPY on PostgreSQL, JDBC batches on H2). */
abstract class ImportJdbcTest extends JdbcTestBase {
    @Test
    void chunksAreInvisibleToOtherConnectionsUntilCommit() throws Exception {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        try (ImportSession session = s.recipients().openImport(b.id())) {
            assertThat(session.add(recipients(0, 500))).isEqualTo(500);
            assertThat(rowsSeenByAnotherConnection()).isZero();
            assertThat(session.commit()).isEqualTo(500);
        }
        assertThat(rowsSeenByAnotherConnection()).isEqualTo(500);
    }

    private long rowsSeenByAnotherConnection() throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM bc_recipients")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void textWithQuotesSeparatorsNewlinesAndUnicodeSurvives() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("Zeta \"quoted\", header", "a,b;c\td\ne \\N \\. end");
        vars.put("Émoji", "☎️ ünïcödé, \"\"");
        vars.put("empty", "");
        NewRecipient tricky = new NewRecipient(Fixtures.phone(1), "O'Brien, \"Bob\"\r\nJr.", vars, "Asia/Kathmandu");
        try (ImportSession session = s.recipients().openImport(b.id())) {
            session.add(List.of(tricky));
            session.commit();
        }
        Recipient stored = s.recipients().list(b.id(), RecipientQuery.first(1)).get(0);
        assertThat(stored.name()).isEqualTo(tricky.name());
        assertThat(stored.variables()).containsExactlyEntriesOf(vars);
        assertThat(stored.zoneKey()).isEqualTo("Asia/Kathmandu");
    }

    /** Rows written one after another keep their own variables (one JSON writer serves a whole import). */
    @Test
    void eachRowKeepsItsOwnVariables() {
        Storage s = storage();
        Batch b = s.batches().create(NewBatch.draft(spec("acme"), T0));
        List<Map<String, String>> vars = List.of(Map.of("a", "1"), Map.of(), Map.of("b", "\"x\"", "c", "{}"),
                Map.of("d", ""));
        List<NewRecipient> rows = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            rows.add(new NewRecipient(Fixtures.phone(i + 1), "R" + i, vars.get(i), "UTC"));
        }
        try (ImportSession session = s.recipients().openImport(b.id())) {
            assertThat(session.add(rows.subList(0, 2))).isEqualTo(2);
            assertThat(session.add(rows.subList(2, 4))).isEqualTo(2);
            session.commit();
        }
        List<Recipient> stored = s.recipients().list(b.id(), RecipientQuery.first(10));
        assertThat(stored).extracting(Recipient::variables).containsExactlyElementsOf(vars);
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
}
