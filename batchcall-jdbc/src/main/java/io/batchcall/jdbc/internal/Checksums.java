package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.SchemaVersionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * The checksums of applied migrations, kept in the {@code checksum} column of
 * {@code <prefix>schema_version}. The column is not part of the scripts (so they stay the same for
 * every tool): batchcall's migrator adds it when it migrates, and fills it for rows that have none —
 * rows written by batchcall 0.1, or by scripts a host ran with Flyway or Liquibase — accepting the
 * shipped script as applied. A stored checksum that differs from the shipped script's is refused.
 */
final class Checksums {
    /** PostgreSQL 42703 undefined_column; H2 42S22 (COLUMN_NOT_FOUND, error code 42122). */
    private static final List<String> MISSING_COLUMN = List.of("42703", "42S22");

    private final Tables t;
    private final String folder;
    private final List<MigrationScripts.Script> scripts;

    Checksums(Tables tables, String folder, List<MigrationScripts.Script> scripts) {
        this.t = tables;
        this.folder = folder;
        this.scripts = scripts;
    }

    /** Adds the checksum column when missing; no DDL (and no table lock) when it exists. */
    void ensureColumn(Connection c) throws SQLException {
        if (read(c, "SELECT version, checksum FROM {p}schema_version WHERE version < 0") == null) {
            Sql.update(c, t.sql("ALTER TABLE {p}schema_version ADD COLUMN IF NOT EXISTS checksum VARCHAR(64)"));
        }
    }

    /** Records the checksum of a script just applied. */
    void record(Connection c, MigrationScripts.Script s) throws SQLException {
        Sql.update(c, t.sql("UPDATE {p}schema_version SET checksum = ? WHERE version = ?"), s.checksum(), s.version());
    }

    /**
     * Compares every stored checksum with the shipped script's; with {@code fill}, adds the column
     * if needed and stores the missing checksums, else skips rows without one (and a table without
     * the column).
     *
     * @throws SchemaVersionException naming the first script whose stored checksum differs
     */
    void verify(Connection c, boolean fill) throws SQLException {
        String query = "SELECT version, checksum FROM {p}schema_version ORDER BY version";
        List<Row> rows = read(c, query);
        if (rows == null) {
            if (!fill) {
                return;
            }
            ensureColumn(c);
            rows = read(c, query);
        }
        for (Row row : rows) {
            if (row.version() < 1 || row.version() > scripts.size()) {
                continue;
            }
            MigrationScripts.Script s = scripts.get(row.version() - 1);
            if (row.checksum() == null) {
                if (fill) {
                    Sql.update(c, t.sql("UPDATE {p}schema_version SET checksum = ? WHERE version = ? AND checksum IS NULL"),
                            s.checksum(), s.version());
                }
            } else if (!row.checksum().equalsIgnoreCase(s.checksum())) {
                throw new SchemaVersionException("migration " + folder + s.fileName() + " (version " + s.version()
                        + ") was applied with checksum " + row.checksum() + ", but the script in this batchcall-jdbc "
                        + "has checksum " + s.checksum() + ": an applied script must never change. Use the "
                        + "batchcall-jdbc version that applied it, or, if the difference is known to be harmless, "
                        + "clear the stored value (UPDATE " + t.name("schema_version") + " SET checksum = NULL WHERE "
                        + "version = " + s.version() + ") and migrate again to accept the shipped script",
                        maxVersion(rows), scripts.size());
            }
        }
    }

    /** The rows of {@code query}, or null when the checksum column does not exist. */
    private List<Row> read(Connection c, String query) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            return Sql.list(c, t.sql(query), rs -> new Row(rs.getInt(1), rs.getString(2)));
        } catch (SQLException e) {
            if (!MISSING_COLUMN.contains(SqlErrors.state(e))) {
                throw e;
            }
            c.rollback(before);
            return null;
        }
    }

    private static int maxVersion(List<Row> rows) {
        return rows.stream().mapToInt(Row::version).max().orElse(0);
    }

    private record Row(int version, String checksum) {
    }
}
