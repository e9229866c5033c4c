package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.Jdbc;
import io.batchcall.jdbc.internal.MigrationScripts;
import io.batchcall.jdbc.internal.Migrator;
import io.batchcall.jdbc.internal.SqlDialect;
import io.batchcall.jdbc.internal.Tables;
import java.util.List;
import javax.sql.DataSource;

/**
 * The batchcall schema as versioned SQL scripts ({@code V001__tables.sql}, …) in
 * {@code io/batchcall/jdbc/migrations/} of this jar, with {@code ${prefix}} standing for the table
 * prefix (Flyway's placeholder syntax). A file of the same name under {@code postgresql/} or
 * {@code h2/} replaces the common one for that database. Every script records its version in
 * {@code <prefix>schema_version}, so hosts may run them with their own migration tool — take them
 * from {@link #scripts} — or let {@link #apply} do it. Applying is safe from several nodes at once
 * on PostgreSQL (an advisory lock serialises the migrators).
 */
public final class Migrations {
    private Migrations() {
    }

    /** One script: its version, file name and SQL with the table prefix filled in. */
    public record Script(int version, String fileName, String sql) {
    }

    /** The schema version this library needs. */
    public static int latestVersion() {
        return MigrationScripts.load(Dialect.H2).size();
    }

    /** Applies the missing scripts with the default table prefix {@code bc_}; returns the installed version. */
    public static int apply(DataSource dataSource) {
        return apply(dataSource, null, Tables.DEFAULT_PREFIX);
    }

    /**
     * Applies the missing scripts; returns the installed version.
     *
     * @param dialect the database, or null to detect it
     * @throws SchemaVersionException if the database holds a newer schema than this library knows
     */
    public static int apply(DataSource dataSource, Dialect dialect, String tablePrefix) {
        Dialect d = dialect == null ? Dialect.detect(dataSource) : dialect;
        return new Migrator(new Jdbc(dataSource), new Tables(tablePrefix), SqlDialect.of(d, dataSource)).apply();
    }

    /** The version installed in the database, 0 when the schema is not installed. */
    public static int installedVersion(DataSource dataSource, String tablePrefix) {
        Dialect d = Dialect.detect(dataSource);
        return new Migrator(new Jdbc(dataSource), new Tables(tablePrefix), SqlDialect.of(d, dataSource)).installed();
    }

    /** The scripts for a database in order, with {@code tablePrefix} filled in, for hosts that run their own tool. */
    public static List<Script> scripts(Dialect dialect, String tablePrefix) {
        Tables tables = new Tables(tablePrefix);
        return MigrationScripts.load(dialect).stream()
                .map(s -> new Script(s.version(), s.fileName(), s.sql(tables.prefix())))
                .toList();
    }
}
