package io.batchcall.testkit.postgres;

import java.util.Objects;

/**
 * How to reach a running server as a user allowed to create databases.
 *
 * @param adminUrl JDBC URL of a database that always exists (normally {@code postgres})
 * @param description human-readable origin of the server, for logs and error messages
 */
record ServerCoordinates(String adminUrl, String user, String password, String description) {

    private static final String PREFIX = "jdbc:postgresql://";

    ServerCoordinates {
        Objects.requireNonNull(adminUrl, "adminUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(description, "description");
        if (!adminUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "adminUrl must start with " + PREFIX + ", but was " + adminUrl);
        }
    }

    /**
     * The admin URL with its database replaced by {@code database}; query parameters are kept.
     * {@code jdbc:postgresql://h:5432/postgres?ssl=false} becomes
     * {@code jdbc:postgresql://h:5432/<database>?ssl=false}.
     */
    String urlFor(String database) {
        int query = adminUrl.indexOf('?');
        String params = query < 0 ? "" : adminUrl.substring(query);
        String head = query < 0 ? adminUrl : adminUrl.substring(0, query);
        int slash = head.indexOf('/', PREFIX.length());
        String hosts = slash < 0 ? head : head.substring(0, slash);
        return hosts + "/" + database + params;
    }
}
