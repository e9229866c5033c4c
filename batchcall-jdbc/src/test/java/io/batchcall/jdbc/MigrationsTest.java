package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.NewBatch;
import io.batchcall.model.RecipientId;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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

    /**
     * Rows stored under schema 8 survive version 9 (account-led keys on PostgreSQL, retention
     * progress per account on both): batch, recipient, attempt and events read back through the
     * storage; the retention progress of a live batch takes its account, that of a deleted batch
     * is dropped.
     */
    @Test
    void rowsStoredBeforeVersionNineMigrateInPlace() throws Exception {
        DataSource donor = db().fresh(2);
        Storage latest = JdbcStorage.builder(donor).migrate(true).build();
        Batch template = latest.batches().create(new NewBatch(Fixtures.spec("acme"), BatchStatus.COMPLETED, null, -1,
                null, Fixtures.T0));
        String spec;
        try (Connection c = donor.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT spec FROM bc_batches WHERE id = " + template.id().value())) {
            rs.next();
            spec = rs.getString(1);
        }
        DataSource ds = db().fresh(2);
        for (Migrations.Script s : Migrations.scripts(db().dialect(), "bc_").subList(0, 8)) {
            for (String statement : new io.batchcall.jdbc.internal.MigrationScripts.Script(s.version(), s.fileName(),
                    s.sql()).statements("bc_")) {
                TestDb.exec(ds, statement);
            }
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO bc_batches "
                + "(id, account_id, name, status, occurrence, created_at_us, finished_at_us, version, spec) "
                + "VALUES (40, 'acme', 'old', 'completed', -1, 1, 2, 3, ?)")) {
            ps.setString(1, spec);
            ps.executeUpdate();
        }
        TestDb.exec(ds, "INSERT INTO bc_recipients (id, batch_id, account_id, phone, name, variables, zone_key, status, "
                + "attempts, not_before_us, last_attempt) VALUES (41, 40, 'acme', '+14155550100', 'Ada', '{}', '', "
                + "'completed', 1, 0, 42)");
        TestDb.exec(ds, "INSERT INTO bc_attempts (id, recipient_id, batch_id, account_id, attempt_no, phone, status, "
                + "claim_owner, claimed_at_us, placed_at_us, ended_at_us, cost_micros, cost_currency) VALUES (42, 41, "
                + "40, 'acme', 1, '+14155550100', 'completed', 'node', 1, 1, 2, 5000, 'USD')");
        TestDb.exec(ds, "INSERT INTO bc_accounts (account_id, inbound_calls, event_seq) VALUES ('acme', 0, 1)");
        TestDb.exec(ds, "INSERT INTO bc_events (seq, at_us, account_id, batch_id, recipient_id, attempt_id, status) "
                + "VALUES (1, 2, 'acme', 40, 41, 42, 'completed')");
        TestDb.exec(ds, "INSERT INTO bc_purge_progress (batch_id, finished_at_us, recipient_cursor, done) VALUES "
                + "(40, 2, 41, TRUE), (77, 2, 0, FALSE)");

        assertThat(Migrations.apply(ds)).isEqualTo(Migrations.latestVersion());

        Storage storage = JdbcStorage.builder(ds).build();
        Batch old = storage.batches().find(BatchId.of(40)).orElseThrow();
        assertThat(old.account()).isEqualTo(AccountId.of("acme"));
        assertThat(storage.recipients().list(old.id(), RecipientQuery.first(10))).extracting(r -> r.name())
                .containsExactly("Ada");
        assertThat(storage.calls().attempts(RecipientId.of(41))).singleElement()
                .satisfies(a -> assertThat(a.cost()).isEqualTo(Money.usd("0.005")));
        assertThat(storage.events().after(AccountId.of("acme"), 0, 10)).extracting(e -> e.status())
                .containsExactly("completed");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT account_id, batch_id FROM bc_purge_progress")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acme");
            assertThat(rs.getLong(2)).isEqualTo(40);
            assertThat(rs.next()).as("the progress of a deleted batch is dropped").isFalse();
        }
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
