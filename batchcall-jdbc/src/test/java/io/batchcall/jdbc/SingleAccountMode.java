package io.batchcall.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.testkit.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The single-account mode of a test database: the tables are created by, and owned by, a role
 * without superuser or BYPASSRLS ({@value #ROLE}); {@link AccountIsolation} policies are on every
 * per-account table, forced on the owner; the storage runs as that role and sets
 * {@value AccountIsolation#TEST_SETTING} in every transaction. A transaction that read or wrote a
 * second account would see nothing of it, or fail.
 */
public final class SingleAccountMode {
    /** The role the storage runs as. */
    public static final String ROLE = "batchcall_app";

    private SingleAccountMode() {
    }

    /**
     * Hands the database to {@value #ROLE}, migrates it as that role and enables the policies.
     *
     * @param db a fresh database of the test server (its own data source is a superuser's)
     * @return a pool of the role's connections (session zone as the database's)
     * @throws SQLException if the role or the ownership cannot be set up
     */
    public static HikariDataSource prepare(PostgresDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + ROLE
                    + "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("ALTER DATABASE \"" + db.name() + "\" OWNER TO " + ROLE);
            s.execute("ALTER SCHEMA public OWNER TO " + ROLE);
        }
        HikariDataSource pool = pool(db, 10);
        Migrations.apply(pool);
        List<String> tables = AccountIsolation.enable(pool, "bc_", AccountIsolation.TEST_SETTING);
        if (tables.size() < 14) {
            throw new IllegalStateException("expected every per-account table under the policies, got " + tables);
        }
        return pool;
    }

    /** Another pool of the role's connections (for a second node). */
    public static HikariDataSource pool(PostgresDatabase db, int size) {
        PGSimpleDataSource role = new PGSimpleDataSource();
        role.setURL(db.jdbcUrl());
        role.setUser(ROLE);
        role.setPassword(ROLE);
        HikariConfig c = new HikariConfig();
        c.setDataSource(role);
        c.setMaximumPoolSize(size);
        c.setConnectionInitSql(db.sessionInitSql());
        return new HikariDataSource(c);
    }

    /** A backend in the mode: the role's pool, the setting set in every transaction. */
    public static JdbcBackend backend(DataSource rolePool, java.time.Clock clock) {
        return JdbcBackend.builder(rolePool).clock(clock).accountSetting(AccountIsolation.TEST_SETTING).build();
    }
}
