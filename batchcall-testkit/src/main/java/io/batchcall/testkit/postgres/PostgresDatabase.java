package io.batchcall.testkit.postgres;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh, empty database on the shared {@link PostgresServer}, owned by one test class.
 *
 * <p>{@link #dataSource()} opens a new physical connection per call (no pool) and sets the
 * session time zone to {@link #sessionTimeZone()}. Code that needs its own pool can wrap that
 * data source (for example HikariCP's {@code setDataSource}), or build one from {@link
 * #jdbcUrl()}, {@link #user()} and {@link #password()} and run {@link #sessionInitSql()} on each
 * new connection. {@link #close()} drops the database, ending its open sessions. Thread-safe.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final DataSource dataSource;
    private final AtomicBoolean dropped = new AtomicBoolean();

    PostgresDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setUrl(server.jdbcUrl(name));
        plain.setUser(server.user());
        plain.setPassword(server.password());
        this.dataSource = new SessionInitDataSource(plain, sessionInitSql());
    }

    /** {@return the database name, unique on the server, e.g. {@code bc_claimtest_1a2b3c_4}} */
    public String name() {
        return name;
    }

    /** {@return the JDBC URL of this database without credentials; see {@link #user()}, {@link #password()}} */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** {@return the database user (owner of this database)} */
    public String user() {
        return server.user();
    }

    /** {@return the password of {@link #user()}; may be empty} */
    public String password() {
        return server.password();
    }

    /** {@return the session zone set on every {@link #dataSource()} connection; never the JVM's zone} */
    public ZoneId sessionTimeZone() {
        return server.sessionTimeZone();
    }

    /** {@return the statement {@link #dataSource()} runs on each new connection: {@code SET TIME ZONE …}} */
    public String sessionInitSql() {
        return "SET TIME ZONE '" + server.sessionTimeZone().getId() + "'";
    }

    /** {@return a non-pooled data source for this database; every connection has {@link #sessionTimeZone()}} */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Drops the database (idempotent). */
    @Override
    public void close() {
        if (dropped.compareAndSet(false, true)) {
            server.dropDatabase(name);
        }
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + name + " on " + server.description() + "]";
    }
}
