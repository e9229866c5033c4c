package io.batchcall.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The accounts table: one row per account, created on first use, holding the inbound calls the host
 * reported. Locking that row serialises everything that can raise the account's active calls
 * (claims, inbound reports), so the cap holds across nodes; calls ending only lower the count and
 * need no lock.
 */
final class Accounts {
    /**
     * The statuses in which a recipient holds a concurrency slot, as a SQL list; queries name
     * {@code phase = 1} too (the same rows), the predicate of PostgreSQL's active-call index.
     */
    static final String ACTIVE = "('calling', 'initiated', 'ringing', 'in_progress')";

    /** Account ids read back from our own tables, built (and their format checked) once per account. */
    private static final java.util.Map<String, io.batchcall.model.AccountId> IDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String lock;
    private final SqlDialect.InsertIfAbsent create;
    private final String active;
    private final String activeInBatch;
    private final String inbound;
    private final String setInbound;
    private final Tables t;
    private final SqlDialect dialect;

    Accounts(Tables t, SqlDialect dialect) {
        this.t = t;
        this.dialect = dialect;
        this.lock = t.sql("SELECT inbound_calls FROM {p}accounts WHERE account_id = ? FOR UPDATE");
        this.create = dialect.insertIfAbsent(t.name("accounts"), List.of("account_id", "inbound_calls"),
                List.of("account_id"));
        this.active = t.sql("SELECT count(*), COALESCE(SUM(CASE WHEN batch_id = ? THEN 1 ELSE 0 END), 0) "
                + "FROM {p}recipients WHERE account_id = ? AND phase = 1 AND status IN " + ACTIVE);
        this.activeInBatch = t.sql("SELECT count(*) FROM {p}recipients WHERE account_id = ? AND batch_id = ? AND phase = 1 "
                + "AND status IN " + ACTIVE);
        this.inbound = t.sql("SELECT inbound_calls FROM {p}accounts WHERE account_id = ?");
        this.setInbound = t.sql("UPDATE {p}accounts SET inbound_calls = ? WHERE account_id = ?");
    }

    /** The id of an account stored in our tables; the same instance for every row of the account. */
    static io.batchcall.model.AccountId id(String value) {
        io.batchcall.model.AccountId id = IDS.get(value);
        if (id == null) {
            if (IDS.size() > 100_000) {
                IDS.clear();
            }
            id = io.batchcall.model.AccountId.of(value);
            IDS.put(value, id);
        }
        return id;
    }

    /** Locks the account row until the transaction ends, creating it if needed; returns its inbound calls. */
    int lock(Connection c, String account) throws SQLException {
        var inbound = Sql.first(c, lock, rs -> rs.getInt(1), account);
        if (inbound.isPresent()) {
            return inbound.get();
        }
        create(c, account);
        return Sql.first(c, lock, rs -> rs.getInt(1), account)
                .orElseThrow(() -> new SQLException("account row " + account + " vanished", "40001"));
    }

    /**
     * Reserves {@code n} sequences of the account's event log (0 to only lock it), locking the
     * account row until the transaction ends and creating it if needed; returns the last sequence
     * reserved.
     */
    long reserveEvents(Connection c, String account, long n) throws SQLException {
        var last = dialect.advanceEventSeq(c, t, account, n);
        if (last.isPresent()) {
            return last.get();
        }
        create(c, account);
        return dialect.advanceEventSeq(c, t, account, n)
                .orElseThrow(() -> new SQLException("account row " + account + " vanished", "40001"));
    }

    private void create(Connection c, String account) throws SQLException {
        try {
            Sql.update(c, create.sql(), create.args(account, 0));
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // H2's MERGE can lose a race; the row exists then
                throw e;
            }
        }
    }

    /** Outbound active calls of the account and, of those, of one batch: {account, batch}. */
    int[] active(Connection c, String account, long batchId) throws SQLException {
        return Sql.first(c, active, rs -> new int[] {rs.getInt(1), rs.getInt(2)}, batchId, account)
                .orElse(new int[] {0, 0});
    }

    int activeInBatch(Connection c, String account, long batchId) throws SQLException {
        return (int) Sql.number(c, activeInBatch, account, batchId);
    }

    int inbound(Connection c, String account) throws SQLException {
        return (int) Sql.number(c, inbound, account);
    }

    void setInbound(Connection c, String account, int calls) throws SQLException {
        lock(c, account);
        Sql.update(c, setInbound, calls, account);
    }
}
