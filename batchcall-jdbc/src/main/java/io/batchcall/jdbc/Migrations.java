package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.Jdbc;
import io.batchcall.jdbc.internal.MigrationScripts;
import io.batchcall.jdbc.internal.Migrator;
import io.batchcall.jdbc.internal.SqlDialect;
import io.batchcall.jdbc.internal.Tables;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The batchcall schema as versioned SQL scripts in this jar, one complete folder per database:
 * {@code db/batchcall/postgresql/} and {@code db/batchcall/h2/} ({@link #location}), each holding
 * {@code V001__tables.sql}, {@code V002__indexes.sql}, … and an {@code INDEX} listing them in
 * order. {@code ${prefix}} stands for the table prefix (Flyway's placeholder syntax).
 *
 * <p>Every script records its version in {@code <prefix>schema_version}, so a host may run them
 * with its own tool — Flyway pointed at {@code classpath:db/batchcall/postgresql} with the
 * placeholder {@code prefix=bc_}, Liquibase {@code sqlFile} changes, or {@link #scripts} — and then
 * build {@code JdbcStorage}/{@code JdbcCreditLedger} with {@code migrate(false)} (the default),
 * which checks that version. Or let {@link #apply} do it: it applies the missing scripts, safe from
 * several nodes at once on PostgreSQL (an advisory lock serialises the migrators), and keeps a
 * SHA-256 checksum of each applied script in the table's {@code checksum} column (added by
 * {@link #apply}, not by the scripts). A database whose stored checksum differs from the shipped
 * script is refused with a {@link SchemaVersionException} naming the script; rows without a
 * checksum (written by another tool, or by batchcall 0.1) are accepted, and filled in by the next
 * {@link #apply}.
 *
 * <p>An H2 in-memory database that vanishes between connections ({@code jdbc:h2:mem:x} without
 * {@code DB_CLOSE_DELAY=-1}, or an unnamed {@code jdbc:h2:mem:}) is refused by {@link #apply} and
 * by the builders with a {@link io.batchcall.StorageException} naming the URL and the fix.
 */
public final class Migrations {
    private Migrations() {
    }

    /** One script: its version, file name and SQL with the table prefix filled in. */
    public record Script(int version, String fileName, String sql) {
    }

    /**
     * The class-path folder holding the complete script set for a database, without a trailing
     * slash: {@code db/batchcall/postgresql} or {@code db/batchcall/h2}. For Flyway:
     * {@code .locations("classpath:" + Migrations.location(Dialect.POSTGRESQL))}.
     *
     * @param dialect the database
     * @return the folder path
     */
    public static String location(Dialect dialect) {
        String folder = MigrationScripts.folder(Objects.requireNonNull(dialect, "dialect must not be null"));
        return folder.substring(0, folder.length() - 1);
    }

    /**
     * The schema version this library needs.
     *
     * @return the latest migration version
     */
    public static int latestVersion() {
        return MigrationScripts.load(Dialect.H2).size();
    }

    /**
     * Applies the missing scripts with the default table prefix {@code bc_}; returns the installed version.
     *
     * @param dataSource the host's connection pool
     * @return the installed version after applying
     * @throws SchemaVersionException if the database holds a newer schema than this library knows
     */
    public static int apply(DataSource dataSource) {
        return apply(dataSource, null, Tables.DEFAULT_PREFIX);
    }

    /**
     * Applies the missing scripts; returns the installed version.
     *
     * @param dataSource the host's connection pool
     * @param tablePrefix the table prefix, e.g. {@code bc_}
     * @return the installed version after applying
     * @param dialect the database, or null to detect it
     * @throws SchemaVersionException if the database holds a newer schema than this library knows
     */
    public static int apply(DataSource dataSource, Dialect dialect, String tablePrefix) {
        Dialect d = dialect == null ? Dialect.detect(dataSource) : dialect;
        return new Migrator(new Jdbc(dataSource), new Tables(tablePrefix), SqlDialect.of(d, dataSource)).apply();
    }

    /**
     * The version installed in the database, 0 when the schema is not installed.
     *
     * @param dataSource the host's connection pool
     * @param tablePrefix the table prefix, e.g. {@code bc_}
     * @return the installed version
     */
    public static int installedVersion(DataSource dataSource, String tablePrefix) {
        Dialect d = Dialect.detect(dataSource);
        return new Migrator(new Jdbc(dataSource), new Tables(tablePrefix), SqlDialect.of(d, dataSource)).installed();
    }

    /**
     * The scripts for a database in order, with {@code tablePrefix} filled in, for hosts that run their own tool.
     *
     * @param dialect the database
     * @param tablePrefix the table prefix, e.g. {@code bc_}
     * @return the scripts in version order
     */
    public static List<Script> scripts(Dialect dialect, String tablePrefix) {
        Tables tables = new Tables(tablePrefix);
        return MigrationScripts.load(dialect).stream()
                .map(s -> new Script(s.version(), s.fileName(), s.sql(tables.prefix())))
                .toList();
    }
}
