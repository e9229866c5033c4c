package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL: claims lock their rows with {@code FOR UPDATE SKIP LOCKED} through the partial index
 * {@code (batch_id, not_before_us, id) WHERE status = 'pending'}; imports stream through COPY.
 */
final class PostgresDialect implements SqlDialect {
    /** Key of the transaction-scoped advisory lock migrators take (ASCII "batchcal"). */
    private static final long MIGRATION_LOCK = 0x62617463_6863616cL;
    private static final long ANALYZE_AFTER_ROWS = 10_000;

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String claimCandidates(String columns, String zoneFilter) {
        return "SELECT " + columns + " FROM {p}recipients WHERE account_id = ? AND batch_id = ? AND phase = 0 AND status = 'pending' "
                + "AND not_before_us <= ?"
                + zoneFilter + " ORDER BY not_before_us, id LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    @Override
    public InsertIfAbsent insertIfAbsent(String table, List<String> columns, List<String> key) {
        return InsertIfAbsent.of("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + Sql.marks(columns.size()) + ") ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING", columns,
                columns);
    }

    @Override
    public Stmt updateAndLog(String update, List<Object> updateArgs, String insertHead, String selectList,
            List<Object> selectArgs) {
        return Stmt.of("WITH changed AS (" + update + " RETURNING id) " + insertHead + " SELECT " + selectList
                + " FROM changed ORDER BY id", updateArgs, selectArgs);
    }

    @Override
    public Optional<Long> advanceEventSeq(Connection c, Tables tables, String account, long n) throws SQLException {
        return Sql.first(c, tables.sql("UPDATE {p}accounts SET event_seq = event_seq + ? WHERE account_id = ? RETURNING event_seq"), rs -> rs.getLong(1), n,
                account);
    }

    @Override
    public void lockForMigration(Connection c) throws SQLException {
        Sql.first(c, "SELECT pg_advisory_xact_lock(?)", rs -> true, MIGRATION_LOCK);
    }

    @Override
    public void afterClaimCommit(Connection c) {
        // A PostgreSQL commit returns after the WAL is flushed (unless the host turned synchronous_commit off).
    }

    /**
     * Refreshes the statistics after a big import, so that plans are made for the real row counts at
     * once rather than after autovacuum's next analyze.
     */
    @Override
    public void afterImportCommit(Connection c, Tables tables, long added) throws SQLException {
        if (added >= ANALYZE_AFTER_ROWS) {
            Sql.update(c, tables.sql("ANALYZE {p}recipients"));
        }
    }

    @Override
    public RecipientWriter recipientWriter(Connection c, Tables tables, long batchId, String accountId)
            throws SQLException {
        if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
            return new PgCopyWriter(c, tables, batchId, accountId);
        }
        return new BatchedRecipientWriter(c, tables, this, batchId, accountId);
    }
}
