package io.batchcall.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One migrated database for a class of contract suites, emptied before every test so each test
 * gets a fresh storage or ledger, behind a small pool.
 */
final class ContractDatabase implements AutoCloseable {
    private static final String[] EMPTY = {
        "DELETE FROM bc_events",
        "DELETE FROM bc_suppressions",
        "DELETE FROM bc_contact_dials",
        "DELETE FROM bc_purge_progress",
        "DELETE FROM bc_attempts",
        "DELETE FROM bc_recipients",
        "DELETE FROM bc_batches WHERE parent_id IS NOT NULL",
        "DELETE FROM bc_batches",
        "DELETE FROM bc_accounts",
        "DELETE FROM bc_credit_holds",
        "DELETE FROM bc_credit_topups",
        "DELETE FROM bc_credit_balances",
        "DELETE FROM bc_subscriptions",
        "DELETE FROM bc_dead_letters",
        "DELETE FROM bc_webhooks",
    };

    private final Supplier<DataSource> database;
    private final String sessionInitSql;
    private final PostgresExtension isolated;
    private HikariDataSource pool;
    private HikariDataSource rolePool;

    private ContractDatabase(Supplier<DataSource> database, String sessionInitSql) {
        this(database, sessionInitSql, null);
    }

    private ContractDatabase(Supplier<DataSource> database, String sessionInitSql, PostgresExtension isolated) {
        this.database = database;
        this.sessionInitSql = sessionInitSql;
        this.isolated = isolated;
    }

    /**
     * The database of a test class's {@link PostgresExtension} in the {@linkplain SingleAccountMode
     * single-account mode}: storages and ledgers run as a role bound by row-level security; the
     * test's own emptying and raw checks use the superuser's connections.
     */
    static ContractDatabase postgresSingleAccount(PostgresExtension pg) {
        return new ContractDatabase(pg::dataSource, null, pg);
    }

    /** H2 in memory, kept open by the pool; session zone far from the JVM's. */
    static ContractDatabase h2(String name) {
        return new ContractDatabase(() -> {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            return h2;
        }, "SET TIME ZONE '" + TestDb.H2_SESSION_ZONE + "'");
    }

    /** The database of a test class's {@link PostgresExtension}; its connections set their own session zone. */
    static ContractDatabase postgres(PostgresExtension pg) {
        return new ContractDatabase(pg::dataSource, null);
    }

    Storage storage(Clock clock) {
        DataSource ds = emptied();
        return isolated != null ? SingleAccountMode.backend(rolePool, clock).storage()
                : JdbcStorage.builder(ds).clock(clock).build();
    }

    CreditLedger ledger() {
        DataSource ds = emptied();
        return isolated != null ? SingleAccountMode.backend(rolePool, Clock.systemUTC()).ledger()
                : JdbcCreditLedger.builder(ds).build();
    }

    private synchronized DataSource emptied() {
        if (pool == null) {
            HikariConfig c = new HikariConfig();
            c.setDataSource(database.get());
            c.setMaximumPoolSize(10);
            c.setConnectionInitSql(sessionInitSql);
            pool = new HikariDataSource(c);
            if (isolated != null) {
                try {
                    rolePool = SingleAccountMode.prepare(isolated.database());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot set up the single-account mode", e);
                }
            } else {
                Migrations.apply(pool);
            }
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sql : EMPTY) {
                s.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot empty the contract database", e);
        }
        return pool;
    }

    /** The migrated pool without emptying it (for raw checks after a test wrote through a storage). */
    synchronized DataSource pool() {
        return pool;
    }

    /**
     * Every (table, text column) of the batchcall tables whose value contains {@code text}: a query
     * over every character column of every {@code bc_} table in the information schema.
     */
    java.util.List<String> textHolding(String text) {
        java.util.List<String> hits = new java.util.ArrayList<>();
        try (Connection c = pool().getConnection()) {
            java.util.List<String[]> columns = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE lower(table_schema) = 'public' AND lower(table_name) LIKE 'bc!_%' ESCAPE '!' "
                    + "AND (lower(data_type) LIKE '%char%' OR lower(data_type) IN ('text', 'clob'))");
                    var rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            if (columns.size() < 20) {
                throw new IllegalStateException("expected every text column of the bc_ tables, found only "
                        + columns.size());
            }
            for (String[] col : columns) {
                try (var ps = c.prepareStatement("SELECT count(*) FROM " + col[0] + " WHERE " + col[1] + " LIKE ?")) {
                    ps.setString(1, "%" + text + "%");
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot scan the text columns", e);
        }
        return hits;
    }

    @Override
    public synchronized void close() {
        if (rolePool != null) {
            rolePool.close();
            rolePool = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
