package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What both builders do: pick the dialect (given, or detected from the connection metadata), apply
 * or check the migrations, and hand out the pieces.
 *
 * @param schemaVersion the schema version found or installed
 * @param batchAccounts the accounts of batches, shared by the stores
 */
public record Setup(Jdbc jdbc, Tables tables, SqlDialect dialect, int schemaVersion, BatchAccounts batchAccounts) {
    public static Setup prepare(DataSource dataSource, Dialect dialect, String tablePrefix, boolean migrate) {
        return prepare(dataSource, dialect, tablePrefix, migrate, null);
    }

    /** @param accountSetting the PostgreSQL setting each transaction sets to its account, or null */
    public static Setup prepare(DataSource dataSource, Dialect dialect, String tablePrefix, boolean migrate,
            String accountSetting) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        Tables tables = new Tables(tablePrefix);
        Dialect d = dialect == null ? Dialect.detect(dataSource) : dialect;
        if (accountSetting != null && d != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("an account setting needs PostgreSQL (row-level security), but the "
                    + "database is " + d);
        }
        Jdbc jdbc = new Jdbc(dataSource, accountSetting);
        SqlDialect sql = SqlDialect.of(d, dataSource);
        Migrator migrator = new Migrator(jdbc, tables, sql);
        if (migrate) {
            migrator.apply();
        }
        migrator.check();
        return new Setup(jdbc, tables, sql, migrator.latest(), new BatchAccounts(jdbc, tables));
    }
}
