package io.batchcall.testkit.postgres;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension giving each test class a fresh, empty PostgreSQL database on the
 * JVM's one shared {@link PostgresServer}.
 *
 * <p>Either hold it in a static field and ask it for the database:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresExtension pg = PostgresExtension.shared();
 *
 * @Test
 * void works() throws SQLException {
 *     try (Connection c = pg.dataSource().getConnection()) { ... }
 * }
 * }</pre>
 *
 * <p>or use {@code @ExtendWith(PostgresExtension.class)} and declare a {@link DataSource} or
 * {@link PostgresDatabase} parameter on a constructor, a lifecycle method or a test method.
 *
 * <p>The database is created before the class's first test (or first parameter resolution),
 * shared by all tests of that class and its {@code @Nested} classes, and dropped after the
 * class. Its connections use a session time zone that differs from the JVM's ({@link
 * PostgresDatabase#sessionTimeZone()}). If the server cannot be started or reached, the
 * extension throws, so the tests fail; they are never skipped.
 */
public final class PostgresExtension implements BeforeAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);
    private static final String DATABASE_KEY = "database";

    private volatile PostgresDatabase current;

    /** For {@code @ExtendWith(PostgresExtension.class)}; prefer {@link #shared()} in code. */
    public PostgresExtension() {
    }

    /**
     * A new extension on the shared server. Despite the name, the database is not shared:
     * each test class that registers the extension gets its own.
     *
     * @return a new extension
     */
    public static PostgresExtension shared() {
        return new PostgresExtension();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = databaseFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = databaseFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresDatabase database = databaseFor(context);
        current = database;
        return parameter.getParameter().getType() == DataSource.class
                ? database.dataSource() : database;
    }

    /**
     * The current test class's database.
     *
     * @return the database of the running test class
     * @throws IllegalStateException before the class has started (e.g. in a static
     *     initializer), or when the extension was not registered with JUnit
     */
    public PostgresDatabase database() {
        PostgresDatabase database = current;
        if (database == null) {
            throw new IllegalStateException("No database yet: register the PostgresExtension"
                    + " with @RegisterExtension on a static field and use it from tests or"
                    + " lifecycle methods");
        }
        return database;
    }

    /** {@return shorthand for {@code database().dataSource()}} */
    public DataSource dataSource() {
        return database().dataSource();
    }

    /** {@return shorthand for {@code database().jdbcUrl()}} */
    public String jdbcUrl() {
        return database().jdbcUrl();
    }

    /** {@return shorthand for {@code database().user()}} */
    public String user() {
        return database().user();
    }

    /** {@return shorthand for {@code database().password()}} */
    public String password() {
        return database().password();
    }

    private static PostgresDatabase databaseFor(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        String hint = classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(DATABASE_KEY,
                key -> PostgresServer.shared().createDatabase(hint), PostgresDatabase.class);
    }
}
