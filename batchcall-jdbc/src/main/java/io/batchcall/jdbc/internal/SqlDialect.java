package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Only what really differs between PostgreSQL and H2; everything else is shared SQL. SQL templates
 * name tables as {@code {p}name} (see {@link Tables}).
 */
public interface SqlDialect {
    Dialect dialect();

    /**
     * Selects {@code columns} of up to {@code ?3} pending recipients of batch {@code ?1} due at {@code ?2} (epoch
     * micros), oldest {@code not_before_us} then lowest id first. PostgreSQL locks them
     * ({@code FOR UPDATE SKIP LOCKED}); H2 only reads them and the claim then updates each one
     * guarded by its status.
     *
     * @param zoneFilter empty, or {@code " AND zone_key IN (…)"} whose marks follow {@code ?2}
     */
    String claimCandidates(String columns, String zoneFilter);

    /**
     * An insert of one row that does nothing when a row with the same key already exists; the update
     * count says whether the row was new. Bind {@link InsertIfAbsent#args} of the column values.
     *
     * @param key the key columns, a subset of {@code columns}
     */
    InsertIfAbsent insertIfAbsent(String table, List<String> columns, List<String> key);

    /**
     * The SQL of an insert-if-absent and where its parameters come from.
     *
     * @param sources for each parameter, the index of the column value bound there
     */
    record InsertIfAbsent(String sql, int[] sources) {
        public Object[] args(Object... values) {
            Object[] out = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                out[i] = values[sources[i]];
            }
            return out;
        }

        static InsertIfAbsent of(String sql, List<String> columns, List<String> params) {
            return new InsertIfAbsent(sql, params.stream().mapToInt(columns::indexOf).toArray());
        }
    }

    /**
     * One statement that runs {@code update} on recipients and inserts, for each row it changed, a
     * row made by {@code selectList} (which may name the changed row's {@code id}) with
     * {@code insertHead}, in id order (PostgreSQL: a CTE with RETURNING; H2: FINAL TABLE). Its
     * update count is the number of rows changed.
     */
    Stmt updateAndLog(String update, List<Object> updateArgs, String insertHead, String selectList,
            List<Object> selectArgs);

    /** SQL with its arguments in order. */
    record Stmt(String sql, Object[] args) {
        static Stmt of(String sql, List<Object> first, List<Object> second) {
            List<Object> args = new java.util.ArrayList<>(first);
            args.addAll(second);
            return new Stmt(sql, args.toArray());
        }
    }

    /**
     * Adds {@code n} (0 or more) to the account's event counter, locking the account's row until
     * the transaction ends, and returns the counter's new value (the last sequence reserved), or
     * empty if the account has no row yet. One statement.
     */
    Optional<Long> advanceEventSeq(Connection c, Tables tables, String account, long n) throws SQLException;

    /** Serialises concurrent migrators inside the current transaction. */
    void lockForMigration(Connection c) throws SQLException;

    /** Makes a committed claim survive a crash of this process before the call is dialed. */
    void afterClaimCommit(Connection c) throws SQLException;

    /** Runs after an import of {@code added} rows committed, e.g. to refresh planner statistics. */
    void afterImportCommit(Connection c, Tables tables, long added) throws SQLException;

    /** Opens the writer that adds import chunks to a batch inside the connection's transaction. */
    RecipientWriter recipientWriter(Connection c, Tables tables, long batchId, String accountId) throws SQLException;

    /** The dialect for a database, probing settings it depends on. */
    static SqlDialect of(Dialect dialect, DataSource dataSource) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresDialect();
            case H2 -> H2Dialect.probe(dataSource);
        };
    }
}
