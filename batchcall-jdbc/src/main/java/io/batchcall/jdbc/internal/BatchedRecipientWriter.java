package io.batchcall.jdbc.internal;

import io.batchcall.model.NewRecipient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
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
    private int batchSize;

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
        batchSize = chunk.size();
        for (NewRecipient r : chunk) {
            Sql.bind(insert, sql.args(batchId, accountId, r.phone().e164(), r.name(),
                    VariablesJson.write(r.variables()), r.zoneKey(), "pending", 0, 0L));
            insert.addBatch();
        }
        int added = 0;
        for (int n : executeSkippingRaces()) {
            if (n == Statement.EXECUTE_FAILED) {
                continue; // lost a race with a concurrent import of the same number: not added
            }
            if (n < 0) {
                throw new SQLException("the JDBC driver did not report which of " + chunk.size() + " rows were new; "
                        + "turn off reWriteBatchedInserts for the batchcall DataSource", "0A000");
            }
            added += n;
        }
        return added;
    }

    /**
     * Runs the batch. A number that a concurrent session inserted uncommitted passes the
     * {@code NOT EXISTS} check, waits on the unique index, and fails with 23505 once that session
     * commits; H2 goes on with the rest of the batch, and those rows count as not added.
     */
    private int[] executeSkippingRaces() throws SQLException {
        try {
            return insert.executeBatch();
        } catch (BatchUpdateException e) {
            for (SQLException x = e.getNextException(); x != null; x = x.getNextException()) {
                if (!SqlErrors.isUniqueViolation(x)) {
                    throw e;
                }
            }
            if (!SqlErrors.isUniqueViolation(e) || e.getUpdateCounts().length != batchSize) {
                throw e;
            }
            return e.getUpdateCounts();
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
