package io.batchcall.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresServer;
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
 * JVM's (surefire runs the JVM in America/New_York; PostgreSQL sessions get the testkit's zone).
 * Closes and drops them after the test class.
 */
public abstract class TestDb implements AfterAllCallback {
    /** The H2 session zone, far from the JVM's: +05:45. */
    static final String H2_SESSION_ZONE = "Asia/Kathmandu";
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
        HikariConfig c = config("jdbctest_" + COUNTER.incrementAndGet());
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

    /** A database per {@link #fresh} on the testkit's PostgreSQL server (embedded, or BATCHCALL_PG_URL). */
    private static final class PostgresDb extends TestDb {
        private final List<PostgresDatabase> databases = new ArrayList<>();

        @Override
        HikariConfig config(String name) {
            PostgresDatabase db = PostgresServer.shared().createDatabase(name);
            databases.add(db);
            HikariConfig c = new HikariConfig();
            c.setDataSource(db.dataSource());
            return c;
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            super.afterAll(context);
            databases.forEach(PostgresDatabase::close);
            databases.clear();
        }

        @Override
        public Dialect dialect() {
            return Dialect.POSTGRESQL;
        }
    }
}
