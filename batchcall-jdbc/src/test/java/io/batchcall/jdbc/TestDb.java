package io.batchcall.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands out fresh, empty databases as pooled DataSources whose session time zone differs from the
 * JVM's (surefire runs the JVM in America/New_York). Closes them after the test class.
 */
public abstract class TestDb implements AfterAllCallback {
    /** Session zones far from the JVM's: +05:45 and +12:45/+13:45. */
    static final String H2_SESSION_ZONE = "Asia/Kathmandu";
    static final String PG_SESSION_ZONE = "Pacific/Chatham";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final List<HikariDataSource> open = new ArrayList<>();

    public static TestDb h2() {
        return new TestDb() {
            @Override
            HikariConfig config(String name) {
                HikariConfig c = new HikariConfig();
                c.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                c.setUsername("sa");
                c.setConnectionInitSql("SET TIME ZONE '" + H2_SESSION_ZONE + "'");
                return c;
            }

            @Override
            public Dialect dialect() {
                return Dialect.H2;
            }
        };
    }

    public static TestDb postgres() {
        return new PostgresDb();
    }

    abstract HikariConfig config(String name);

    public abstract Dialect dialect();

    /** A new empty database with a pool of up to {@code poolSize} connections. */
    public DataSource fresh(int poolSize) {
        HikariConfig c = config("bc_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        c.setMaximumPoolSize(poolSize);
        c.setMinimumIdle(0);
        HikariDataSource ds = new HikariDataSource(c);
        open.add(ds);
        return ds;
    }

    public DataSource fresh() {
        return fresh(8);
    }

    /** A second pool on the same database, as another node would have. */
    public DataSource anotherPool(DataSource ds, int poolSize) {
        HikariConfig c = new HikariConfig();
        ((HikariDataSource) ds).copyStateTo(c);
        c.setPoolName(null);
        c.setMaximumPoolSize(poolSize);
        HikariDataSource other = new HikariDataSource(c);
        open.add(other);
        return other;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (HikariDataSource ds : open) {
            ds.close();
        }
        open.clear();
    }

    static void exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Creates a database per {@link #fresh} on a PostgreSQL server (dev: -Dbatchcall.test.pg.url). */
    private static final class PostgresDb extends TestDb {
        private final String server = System.getProperty("batchcall.test.pg.url",
                "jdbc:postgresql://127.0.0.1:55433/postgres");
        private final List<String> names = new ArrayList<>();

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            super.afterAll(context);
            try (Connection c = java.sql.DriverManager.getConnection(server, "postgres", "");
                    Statement s = c.createStatement()) {
                for (String name : names) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
            names.clear();
        }

        @Override
        HikariConfig config(String name) {
            try (Connection c = java.sql.DriverManager.getConnection(server, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                names.add(name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create test database on " + server, e);
            }
            HikariConfig c = new HikariConfig();
            c.setJdbcUrl(server.substring(0, server.lastIndexOf('/') + 1) + name);
            c.setUsername("postgres");
            c.setConnectionInitSql("SET TIME ZONE '" + PG_SESSION_ZONE + "'");
            return c;
        }

        @Override
        public Dialect dialect() {
            return Dialect.POSTGRESQL;
        }
    }
}
