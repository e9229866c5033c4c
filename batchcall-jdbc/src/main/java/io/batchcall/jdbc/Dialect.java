package io.batchcall.jdbc;

import io.batchcall.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases batchcall-jdbc supports. Detected from the connection metadata unless a builder is
 * told otherwise (for example for a PostgreSQL-compatible server that names itself differently).
 */
public enum Dialect {
    /** PostgreSQL 12 or later: production and clusters of engines ({@code FOR UPDATE SKIP LOCKED}, COPY). */
    POSTGRESQL("postgresql"),
    /** H2 2.x, embedded: the zero-setup single-node default. */
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The folder under {@code db/batchcall/} holding this database's complete set of migration scripts.
     *
     * @return for example {@code postgresql}
     */
    public String migrationFolder() {
        return folder;
    }

    /**
     * Asks the database which product it is.
     *
     * @param dataSource the host's connection pool
     * @return the dialect
     * @throws IllegalArgumentException for a database that is neither PostgreSQL nor H2
     * @throws StorageException if no connection can be opened
     */
    public static Dialect detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return fromProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StorageException("cannot open a connection to detect the database dialect: " + e.getMessage(),
                    true, e);
        }
    }

    static Dialect fromProductName(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (p.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("database product must be PostgreSQL or H2, but was '" + product
                + "'; set the dialect explicitly if it is compatible with one of them");
    }
}
