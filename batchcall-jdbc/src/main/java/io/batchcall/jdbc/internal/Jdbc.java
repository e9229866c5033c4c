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
 *
 * <p>Every unit of work names its scope: one account (its statements filter by that account, so a
 * database sharded by account runs it on one shard), a read across accounts (a sweep; never a
 * write), or the schema (migrations). With an {@linkplain #Jdbc(DataSource, String) account setting}
 * each transaction first sets that PostgreSQL setting to its account ({@code *} for a sweep, which
 * then runs READ ONLY): row-level security policies on the setting make the database itself refuse
 * a transaction that reads or writes a second account (the single-account test mode).
 */
public final class Jdbc {
    /** The account setting's value in a read across accounts. */
    public static final String ALL_ACCOUNTS = "*";
    private static final int ATTEMPTS = 3;
    private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile("[a-z_]+\\.[a-z_]+");
    /** Physical connections seen at READ COMMITTED by default (weak keys: closed ones are forgotten). */
    private final Map<Connection, Boolean> readCommitted = Collections.synchronizedMap(new WeakHashMap<>());

    private final DataSource dataSource;
    private final String accountSetting;

    public Jdbc(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * @param accountSetting a custom PostgreSQL setting ({@code prefix.name}) each transaction sets to
     *     its account, or null for none
     */
    public Jdbc(DataSource dataSource, String accountSetting) {
        if (accountSetting != null && !SETTING.matcher(accountSetting).matches()) {
            throw new IllegalArgumentException("the account setting must be a custom setting like "
                    + "batchcall.test_account (lower-case letters and _ around one dot), but was " + accountSetting);
        }
        this.dataSource = dataSource;
        this.accountSetting = accountSetting;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work}, which reads and writes rows of {@code account} only, in one transaction and commits it.
     *
     * @param account the one account the work touches; not null
     * @param what names the operation and its ids for error messages ("claim for batch 7")
     */
    public <T> T inTransaction(String account, String what, SqlFunction<T> work) {
        return run(java.util.Objects.requireNonNull(account, "account must not be null"), what, work);
    }

    /**
     * Runs {@code work}, which reads rows of any account and writes nothing, in one transaction (a
     * sweep that finds work: on a database sharded by account it reads every shard).
     */
    public <T> T acrossAccounts(String what, SqlFunction<T> work) {
        return run(ALL_ACCOUNTS, what, work);
    }

    /** Runs schema work (migrations, their bookkeeping) in one transaction, outside any account. */
    public <T> T schemaTransaction(String what, SqlFunction<T> work) {
        return run(null, what, work);
    }

    private <T> T run(String scope, String what, SqlFunction<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(scope, work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !SqlErrors.isRetryableTransaction(e)) {
                    throw SqlErrors.translate(what, e);
                }
            }
        }
    }

    /**
     * Runs {@code work}, which must be a single statement (atomic by itself) on rows of {@code
     * account}, in auto-commit mode: one round trip fewer than {@link #inTransaction}. Retried like
     * it. With an account setting it runs in a transaction that sets it.
     */
    public <T> T statement(String account, String what, SqlFunction<T> work) {
        java.util.Objects.requireNonNull(account, "account must not be null");
        return accountSetting != null ? run(account, what, work) : autoCommit(what, work);
    }

    /** A single statement that reads rows of any account and writes nothing, as {@link #acrossAccounts}. */
    public <T> T statementAcrossAccounts(String what, SqlFunction<T> work) {
        return accountSetting != null ? run(ALL_ACCOUNTS, what, work) : autoCommit(what, work);
    }

    private <T> T autoCommit(String what, SqlFunction<T> work) {
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

    private <T> T once(String scope, SqlFunction<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            begin(c, scope);
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

    /**
     * Opens a connection in a transaction (READ COMMITTED, auto-commit off) on rows of {@code account};
     * the caller commits or rolls back.
     */
    public Connection begin(String account) {
        java.util.Objects.requireNonNull(account, "account must not be null");
        try {
            Connection c = dataSource.getConnection();
            try {
                begin(c, account);
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("opening a transaction", e);
        }
    }

    private void begin(Connection c, String scope) throws SQLException {
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
        if (accountSetting != null && scope != null) {
            if (ALL_ACCOUNTS.equals(scope)) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET TRANSACTION READ ONLY");
                }
            }
            try (java.sql.PreparedStatement p = c.prepareStatement("SELECT set_config(?, ?, true)")) {
                p.setString(1, accountSetting);
                p.setString(2, scope);
                p.execute();
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
