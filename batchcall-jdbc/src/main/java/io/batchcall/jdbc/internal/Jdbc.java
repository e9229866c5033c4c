package io.batchcall.jdbc.internal;

import io.batchcall.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * Runs work in transactions on a {@link DataSource}: READ COMMITTED, committed before returning,
 * rolled back on any exception, and run again (up to three times) after a serialization failure or
 * deadlock. {@link SQLException}s leave as {@link StorageException}; other exceptions pass
 * unchanged after the rollback. Thread-safe.
 */
public final class Jdbc {
    private static final int ATTEMPTS = 3;
    /** Physical connections seen at READ COMMITTED by default (weak keys: closed ones are forgotten). */
    private final Map<Connection, Boolean> readCommitted = Collections.synchronizedMap(new WeakHashMap<>());

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction and commits it.
     *
     * @param what names the operation and its ids for error messages ("claim for batch 7")
     */
    public <T> T inTransaction(String what, SqlFunction<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !SqlErrors.isRetryableTransaction(e)) {
                    throw SqlErrors.translate(what, e);
                }
            }
        }
    }

    /**
     * Runs {@code work}, which must be a single statement (atomic by itself), in auto-commit mode:
     * one round trip fewer than {@link #inTransaction}. Retried like it.
     */
    public <T> T statement(String what, SqlFunction<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                return work.apply(c);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !SqlErrors.isRetryableTransaction(e)) {
                    throw SqlErrors.translate(what, e);
                }
            }
        }
    }

    private <T> T once(SqlFunction<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            begin(c);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Opens a connection in a transaction (READ COMMITTED, auto-commit off); the caller commits or rolls back. */
    public Connection begin() {
        try {
            Connection c = dataSource.getConnection();
            try {
                begin(c);
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("opening a transaction", e);
        }
    }

    private void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        // PgJDBC answers getTransactionIsolation with a round trip to the server: check each
        // physical connection once (pools hand out wrappers; unwrap reaches the connection they
        // wrap), and set the level on it if the pool's default differs.
        Connection physical = c.isWrapperFor(Connection.class) ? c.unwrap(Connection.class) : c;
        if (!readCommitted.containsKey(physical)) {
            if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } else {
                readCommitted.put(physical, Boolean.TRUE);
            }
        }
    }

    /** Rolls back, attaching a failure of the rollback itself to {@code cause}. */
    public static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
