package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What both builders do: pick the dialect (given, or detected from the connection metadata), apply
 * or check the migrations, and hand out the pieces.
 *
 * @param schemaVersion the schema version found or installed
 */
public record Setup(Jdbc jdbc, Tables tables, SqlDialect dialect, int schemaVersion) {
    public static Setup prepare(DataSource dataSource, Dialect dialect, String tablePrefix, boolean migrate) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        Tables tables = new Tables(tablePrefix);
        Jdbc jdbc = new Jdbc(dataSource);
        SqlDialect sql = SqlDialect.of(dialect == null ? Dialect.detect(dataSource) : dialect, dataSource);
        Migrator migrator = new Migrator(jdbc, tables, sql);
        if (migrate) {
            migrator.apply();
        }
        migrator.check();
        return new Setup(jdbc, tables, sql, migrator.latest());
    }
}
