package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Migrations and the schema check, per database. */
abstract class MigrationsTest {
    abstract TestDb db();

    @Test
    void appliesAllScriptsOnceAndAgainIsANoOp() {
        DataSource ds = db().fresh();
        assertThat(Migrations.installedVersion(ds, "bc_")).isZero();
        assertThat(Migrations.apply(ds)).isEqualTo(Migrations.latestVersion());
        assertThat(Migrations.apply(ds)).isEqualTo(Migrations.latestVersion());
        assertThat(JdbcStorage.builder(ds).build().dialect()).isEqualTo(db().dialect());
    }

    @Test
    void twoPrefixesLiveSideBySide() {
        DataSource ds = db().fresh();
        JdbcStorage.builder(ds).tablePrefix("one_").migrate(true).build();
        JdbcStorage.builder(ds).tablePrefix("two_").migrate(true).build();
        assertThat(Migrations.installedVersion(ds, "one_")).isEqualTo(Migrations.latestVersion());
        assertThat(Migrations.installedVersion(ds, "two_")).isEqualTo(Migrations.latestVersion());
    }

    @Test
    void aDatabaseWithoutTheSchemaSaysToRunTheMigrations() {
        DataSource ds = db().fresh();
        assertThatThrownBy(() -> JdbcStorage.builder(ds).build())
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("not installed")
                .hasMessageContaining("Migrations.apply(dataSource)")
                .hasMessageContaining("V001__tables.sql");
        assertThatThrownBy(() -> JdbcCreditLedger.builder(ds).build()).isInstanceOf(SchemaVersionException.class);
    }

    @Test
    void aPartialSchemaNamesTheMissingScripts() throws Exception {
        DataSource ds = db().fresh();
        for (String statement : new io.batchcall.jdbc.internal.MigrationScripts.Script(1, "V001__tables.sql",
                Migrations.scripts(db().dialect(), "bc_").get(0).sql()).statements("bc_")) {
            TestDb.exec(ds, statement);
        }
        assertThatThrownBy(() -> JdbcStorage.builder(ds).build())
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("at version 1")
                .hasMessageContaining("V002__indexes.sql, V003__credit_ledger.sql, V004__settlement_account_events.sql, "
                        + "V005__outcomes.sql, V006__subscriptions_webhooks.sql, V007__hot_recipient_status.sql, V008__contact_policy.sql, "
                        + "V009__account_keys.sql");
        JdbcStorage.builder(ds).migrate(true).build();
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        DataSource ds = db().fresh();
        Migrations.apply(ds);
        TestDb.exec(ds, "INSERT INTO bc_schema_version (version, description) VALUES (99, 'from the future')");
        assertThatThrownBy(() -> JdbcStorage.builder(ds).build())
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("version 99, newer than this library");
        assertThatThrownBy(() -> Migrations.apply(ds)).isInstanceOf(SchemaVersionException.class)
                .satisfies(e -> assertThat(((SchemaVersionException) e).installed()).isEqualTo(99));
    }

    @Test
    void scriptsArePublishedWithThePrefixFilledIn() {
        List<Migrations.Script> scripts = Migrations.scripts(db().dialect(), "acme_");
        assertThat(scripts).extracting(Migrations.Script::fileName)
                .containsExactly("V001__tables.sql", "V002__indexes.sql", "V003__credit_ledger.sql",
                        "V004__settlement_account_events.sql", "V005__outcomes.sql",
                        "V006__subscriptions_webhooks.sql", "V007__hot_recipient_status.sql",
                        "V008__contact_policy.sql", "V009__account_keys.sql");
        assertThat(scripts).allSatisfy(s -> assertThat(s.sql()).doesNotContain("${prefix}")
                .contains("INSERT INTO acme_schema_version"));
        boolean partial = scripts.get(1).sql().contains("WHERE status = 'pending'");
        assertThat(partial).isEqualTo(db().dialect() == Dialect.POSTGRESQL);
    }

    @Test
    void theIndexListsEveryScriptInTheFolder() throws URISyntaxException, java.io.IOException {
        assertThat(sqlFilesIn(Migrations.location(db().dialect())))
                .containsExactlyElementsOf(Migrations.scripts(db().dialect(), "bc_").stream()
                        .map(Migrations.Script::fileName).toList());
    }

    /** Every dialect folder is complete: the same versions under the same names. */
    @Test
    void everyDialectFolderHoldsEveryVersion() throws URISyntaxException, java.io.IOException {
        List<String> mine = sqlFilesIn(Migrations.location(db().dialect()));
        for (Dialect other : Dialect.values()) {
            assertThat(sqlFilesIn(Migrations.location(other))).as(other.name()).isEqualTo(mine);
        }
        assertThat(Migrations.location(db().dialect())).isEqualTo("db/batchcall/" + db().dialect().migrationFolder());
    }

    private List<String> sqlFilesIn(String location) throws URISyntaxException, java.io.IOException {
        Path folder = Path.of(getClass().getClassLoader().getResource(location + "/INDEX").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }
}
