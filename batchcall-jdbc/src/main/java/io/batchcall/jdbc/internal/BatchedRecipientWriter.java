package io.batchcall.jdbc.internal;

import io.batchcall.model.NewRecipient;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Import chunks through plain JDBC (H2, and PostgreSQL connections that are not PgJDBC's, which
 * use COPY instead). Fast path: multi-row {@code INSERT … VALUES (…), (…)} statements of up to
 * {@value #ROWS_PER_STATEMENT} rows, each under a savepoint — on H2 a tenth of the work per row of
 * single-row statements, and a third of the insert-if-absent form (measured in
 * {@code benchmarks/H2ImportBenchmark}). The unique {@code (batch_id, phone)} index decides: when
 * it refuses a statement (a number stored before, or by a concurrent import — rare, since the
 * importer already drops numbers it knows), the statement is rolled back to its savepoint and its
 * rows go again as one JDBC batch of insert-if-absent statements (H2's {@code INSERT … SELECT …
 * WHERE NOT EXISTS}, PostgreSQL's {@code ON CONFLICT DO NOTHING}), which counts exactly which rows
 * were new. That slow path needs the per-row counts JDBC batches report (PgJDBC's
 * {@code reWriteBatchedInserts} hides them).
 */
final class BatchedRecipientWriter implements RecipientWriter {
    static final List<String> COLUMNS = List.of("batch_id", "account_id", "phone", "name", "variables", "zone_key",
            "status", "attempts", "not_before_us");
    /** Rows per multi-row INSERT; 100 and 500 measured alike on H2, 1 was 2x slower per row. */
    static final int ROWS_PER_STATEMENT = 200;

    private final Connection c;
    private final String table;
    private final long batchId;
    private final String accountId;
    private final SqlDialect.InsertIfAbsent sql;
    private final Map<Integer, PreparedStatement> inserts = new HashMap<>();
    private PreparedStatement insertIfAbsent;
    private int batchSize;

    BatchedRecipientWriter(Connection c, Tables t, SqlDialect dialect, long batchId, String accountId) {
        this.c = c;
        this.table = t.name("recipients");
        this.batchId = batchId;
        this.accountId = accountId;
        this.sql = dialect.insertIfAbsent(table, COLUMNS, List.of("account_id", "batch_id", "phone"));
    }

    @Override
    public int add(List<NewRecipient> chunk) throws SQLException {
        int added = 0;
        for (int from = 0; from < chunk.size(); from += ROWS_PER_STATEMENT) {
            added += addGroup(chunk.subList(from, Math.min(chunk.size(), from + ROWS_PER_STATEMENT)));
        }
        return added;
    }

    private int addGroup(List<NewRecipient> rows) throws SQLException {
        PreparedStatement insert = insert(rows.size());
        int p = 1;
        for (NewRecipient r : rows) {
            insert.setLong(p++, batchId);
            insert.setString(p++, accountId);
            insert.setString(p++, r.phone().e164());
            insert.setString(p++, r.name());
            insert.setString(p++, VariablesJson.write(r.variables()));
            insert.setString(p++, r.zoneKey());
        }
        Savepoint before = c.setSavepoint();
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(before);
            c.releaseSavepoint(before);
            return addOneByOne(rows);
        }
        c.releaseSavepoint(before);
        return rows.size();
    }

    /** A multi-row INSERT for {@code n} rows, prepared once per size (a chunk needs at most two). */
    private PreparedStatement insert(int n) throws SQLException {
        PreparedStatement ps = inserts.get(n);
        if (ps == null) {
            StringBuilder s = new StringBuilder("INSERT INTO ").append(table).append(" (")
                    .append(String.join(", ", COLUMNS)).append(") VALUES ");
            for (int i = 0; i < n; i++) {
                s.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'pending', 0, 0)");
            }
            ps = c.prepareStatement(s.toString());
            inserts.put(n, ps);
        }
        return ps;
    }

    /** The slow path: insert-if-absent per row, in one JDBC batch; returns how many were new. */
    private int addOneByOne(List<NewRecipient> rows) throws SQLException {
        if (insertIfAbsent == null) {
            insertIfAbsent = c.prepareStatement(sql.sql());
        }
        batchSize = rows.size();
        for (NewRecipient r : rows) {
            Sql.bind(insertIfAbsent, sql.args(batchId, accountId, r.phone().e164(), r.name(),
                    VariablesJson.write(r.variables()), r.zoneKey(), "pending", 0, 0L));
            insertIfAbsent.addBatch();
        }
        int added = 0;
        for (int n : executeSkippingRaces()) {
            if (n == Statement.EXECUTE_FAILED) {
                continue; // lost a race with a concurrent import of the same number: not added
            }
            if (n < 0) {
                throw new SQLException("the JDBC driver did not report which of " + rows.size() + " rows were new; "
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
            return insertIfAbsent.executeBatch();
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
        SQLException first = null;
        for (PreparedStatement ps : inserts.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        inserts.clear();
        if (insertIfAbsent != null) {
            insertIfAbsent.close();
        }
        if (first != null) {
            throw first;
        }
    }
}
