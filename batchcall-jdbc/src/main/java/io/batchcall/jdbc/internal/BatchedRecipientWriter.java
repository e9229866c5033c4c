package io.batchcall.jdbc.internal;

import io.batchcall.model.NewRecipient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Import chunks as one JDBC batch of insert-if-absent statements (H2's MERGE, PostgreSQL's
 * {@code ON CONFLICT DO NOTHING}): one round trip per chunk. Needs the per-row counts JDBC
 * batches report (PgJDBC's {@code reWriteBatchedInserts} hides them; PostgreSQL normally uses COPY).
 */
final class BatchedRecipientWriter implements RecipientWriter {
    static final List<String> COLUMNS = List.of("batch_id", "account_id", "phone", "name", "variables", "zone_key",
            "status", "attempts", "not_before_us");

    private final long batchId;
    private final String accountId;
    private final SqlDialect.InsertIfAbsent sql;
    private final PreparedStatement insert;

    BatchedRecipientWriter(Connection c, Tables t, SqlDialect dialect, long batchId, String accountId)
            throws SQLException {
        this.batchId = batchId;
        this.accountId = accountId;
        this.sql = dialect.insertIfAbsent(t.name("recipients"), COLUMNS, List.of("batch_id", "phone"));
        this.insert = c.prepareStatement(sql.sql());
    }

    @Override
    public int add(List<NewRecipient> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return 0;
        }
        for (NewRecipient r : chunk) {
            Sql.bind(insert, sql.args(batchId, accountId, r.phone().e164(), r.name(),
                    VariablesJson.write(r.variables()), r.zoneKey(), "pending", 0, 0L));
            insert.addBatch();
        }
        int added = 0;
        for (int n : insert.executeBatch()) {
            if (n < 0) {
                throw new SQLException("the JDBC driver did not report which of " + chunk.size() + " rows were new; "
                        + "turn off reWriteBatchedInserts for the batchcall DataSource", "0A000");
            }
            added += n;
        }
        return added;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
