package io.batchcall.testkit.postgres;

import java.util.Optional;

/**
 * Reads the coordinates of an already running server from the environment.
 *
 * <p>Each setting is read from a system property first, then from an environment variable:
 * {@code batchcall.pg.url} / {@code BATCHCALL_PG_URL} (JDBC URL of an admin database, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}; its presence selects this mode),
 * {@code batchcall.pg.user} / {@code BATCHCALL_PG_USER} (default {@code postgres}) and
 * {@code batchcall.pg.password} / {@code BATCHCALL_PG_PASSWORD} (default empty). The user must
 * be allowed to create and drop databases.
 */
final class ExternalServer {

    static final String URL_PROPERTY = "batchcall.pg.url";
    static final String URL_VARIABLE = "BATCHCALL_PG_URL";

    private ExternalServer() {
    }

    static Optional<ServerCoordinates> fromEnvironment() {
        String url = setting(URL_PROPERTY, URL_VARIABLE, "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        String user = setting("batchcall.pg.user", "BATCHCALL_PG_USER", "postgres");
        String password = setting("batchcall.pg.password", "BATCHCALL_PG_PASSWORD", "");
        String description = "external PostgreSQL at " + url + " (from " + URL_VARIABLE + ")";
        return Optional.of(new ServerCoordinates(url.trim(), user, password, description));
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(variable);
        }
        return value == null ? fallback : value;
    }
}
