package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * H2: claims read candidates without locks (H2 stops using index order under {@code FOR UPDATE})
 * and win each row with a status-guarded update; no partial indexes, so the claim index is
 * {@code (batch_id, status, not_before_us, id)} and the ORDER BY names all four columns for H2 to
 * walk it in order. A persistent H2 database with a write delay writes commits lazily, so a
 * claim is followed by {@code CHECKPOINT} to be on disk before the dial.
 */
final class H2Dialect implements SqlDialect {
    private final boolean checkpointAfterClaim;

    H2Dialect(boolean checkpointAfterClaim) {
        this.checkpointAfterClaim = checkpointAfterClaim;
    }

    static H2Dialect probe(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            long delay = Sql.first(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                    rs -> Long.parseLong(rs.getString(1).trim()), "WRITE_DELAY").orElse(0L);
            return new H2Dialect(delay > 0);
        } catch (SQLException | NumberFormatException e) {
            return new H2Dialect(true);
        }
    }

    /** Whether claims are followed by CHECKPOINT (a persistent database with a write delay). */
    boolean checkpointsAfterClaim() {
        return checkpointAfterClaim;
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public String claimCandidates(String columns, String zoneFilter) {
        return "SELECT " + columns + " FROM {p}recipients WHERE account_id = ? AND batch_id = ? AND status = 'pending' "
                + "AND not_before_us <= ?"
                + zoneFilter + " ORDER BY batch_id, status, not_before_us, id LIMIT ?";
    }

    @Override
    public InsertIfAbsent insertIfAbsent(String table, List<String> columns, List<String> key) {
        // Not MERGE … USING: H2 plans its join on the first key column only (a scan of the batch per row).
        String where = key.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
        List<String> params = new ArrayList<>(columns);
        params.addAll(key);
        return InsertIfAbsent.of("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + Sql.marks(columns.size()) + " FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + where
                + ")", columns, params);
    }

    @Override
    public Stmt updateAndLog(String update, List<Object> updateArgs, String insertHead, String selectList,
            List<Object> selectArgs) {
        return Stmt.of(insertHead + " SELECT " + selectList + " FROM FINAL TABLE (" + update + ") ORDER BY id",
                selectArgs, updateArgs);
    }

    @Override
    public Optional<Long> advanceEventSeq(Connection c, Tables tables, String account, long n) throws SQLException {
        return Sql.first(c, tables.sql("SELECT event_seq FROM FINAL TABLE (UPDATE {p}accounts SET event_seq = event_seq + ? "
                + "WHERE account_id = ?)"), rs -> rs.getLong(1), n,
                account);
    }

    @Override
    public void lockForMigration(Connection c) {
        // H2 runs DDL outside transactions; concurrent migrators re-check the version after a failure.
    }

    @Override
    public void afterClaimCommit(Connection c) throws SQLException {
        if (checkpointAfterClaim) {
            Sql.update(c, "CHECKPOINT");
        }
    }

    @Override
    public void afterImportCommit(Connection c, Tables tables, long added) {
        // H2 plans from its own index statistics
    }

    @Override
    public RecipientWriter recipientWriter(Connection c, Tables tables, long batchId, String accountId)
            throws SQLException {
        return new BatchedRecipientWriter(c, tables, this, batchId, accountId);
    }
}
