package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Checksums of applied scripts: stored by batchcall's migrator, compared by it and by the builders'
 * check, and accepted when missing (databases migrated by batchcall 0.1 or by another tool).
 */
abstract class MigrationChecksumsTest {
    abstract TestDb db();

    @Test
    void applyStoresTheChecksumOfEveryScript() throws Exception {
        DataSource ds = db().fresh();
        Migrations.apply(ds);
        assertThat(count(ds, "SELECT count(*) FROM bc_schema_version WHERE checksum IS NOT NULL"))
                .isEqualTo(Migrations.latestVersion());
        assertThat(count(ds, "SELECT count(*) FROM bc_schema_version WHERE checksum = '"
                + io.batchcall.jdbc.internal.MigrationScripts.load(db().dialect()).get(1).checksum() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aChangedScriptIsRefusedByNameByTheCheckAndByApply() throws Exception {
        DataSource ds = db().fresh();
        Migrations.apply(ds);
        TestDb.exec(ds, "UPDATE bc_schema_version SET checksum = 'aaaa' WHERE version = 2");
        assertThatThrownBy(() -> JdbcStorage.builder(ds).build())
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining(Migrations.location(db().dialect()) + "/V002__indexes.sql")
                .hasMessageContaining("applied with checksum aaaa")
                .hasMessageContaining("SET checksum = NULL WHERE version = 2");
        assertThatThrownBy(() -> JdbcCreditLedger.builder(ds).migrate(true).build())
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("V002__indexes.sql");
        assertThatThrownBy(() -> Migrations.apply(ds)).isInstanceOf(SchemaVersionException.class);

        TestDb.exec(ds, "UPDATE bc_schema_version SET checksum = NULL WHERE version = 2");   // the documented way out
        assertThat(Migrations.apply(ds)).isEqualTo(Migrations.latestVersion());
        JdbcStorage.builder(ds).build();
    }

    /** As batchcall 0.1 left it: every script applied, no checksum column. */
    @Test
    void aDatabaseMigratedBy01KeepsWorkingAndGetsChecksumsOnTheNextMigration() throws Exception {
        DataSource ds = db().fresh();
        for (Migrations.Script script : Migrations.scripts(db().dialect(), "bc_")) {
            for (String statement : new io.batchcall.jdbc.internal.MigrationScripts.Script(script.version(),
                    script.fileName(), script.sql()).statements("bc_")) {
                TestDb.exec(ds, statement);
            }
        }
        JdbcStorage.builder(ds).build();
        JdbcCreditLedger.builder(ds).build();

        assertThat(Migrations.apply(ds)).isEqualTo(Migrations.latestVersion());
        assertThat(count(ds, "SELECT count(*) FROM bc_schema_version WHERE checksum IS NOT NULL"))
                .isEqualTo(Migrations.latestVersion());
        JdbcStorage.builder(ds).migrate(true).build();
    }

    static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
