package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.Money;
import io.batchcall.spi.Storage;
import java.util.Currency;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * A host that runs batchcall's shipped scripts with Flyway, straight from the jar, then builds the
 * storage and ledger with {@code migrate(false)}: they check the version the scripts recorded.
 */
abstract class FlywayMigrationsTest {
    abstract TestDb db();

    private Flyway flyway(DataSource ds, String prefix) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:" + Migrations.location(db().dialect()))
                .placeholders(Map.of("prefix", prefix))
                .table(prefix + "flyway_history")
                .load();
    }

    @Test
    void flywayRunsTheShippedScriptsAndBatchcallUsesTheSchema() {
        DataSource ds = db().fresh();
        MigrateResult result = flyway(ds, "bc_").migrate();
        assertThat(result.migrationsExecuted).isEqualTo(Migrations.latestVersion());
        assertThat(Migrations.installedVersion(ds, "bc_")).isEqualTo(Migrations.latestVersion());

        JdbcStorage storage = JdbcStorage.builder(ds).build();       // migrate(false): checks only
        JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).build();
        Batch b = Fixtures.running(storage, "acme", 5, 5, 20);
        assertThat(storage.calls().claim(Fixtures.claimRequest(b, 5, 3, T0.plusSeconds(1)))).hasSize(3);
        AccountId acme = AccountId.of("acme");
        Currency usd = Currency.getInstance("USD");
        ledger.topUp(acme, Money.usd("10.00"), "top-up-1");
        assertThat(ledger.hold(acme, Money.usd("0.02"), "hold-1")).isPresent();
        assertThat(ledger.available(acme, usd)).isEqualTo(Money.usd("9.98"));
    }

    /** Switching to batchcall's own migrator later is a no-op that accepts what Flyway applied. */
    @Test
    void batchcallsMigratorAcceptsAFlywayMigratedDatabaseAndFlywayStillValidates() throws Exception {
        DataSource ds = db().fresh();
        flyway(ds, "acme_").migrate();
        Storage storage = JdbcStorage.builder(ds).tablePrefix("acme_").migrate(true).build();
        assertThat(storage.batches().find(io.batchcall.model.BatchId.of(1))).isEmpty();
        assertThat(MigrationChecksumsTest.count(ds, "SELECT count(*) FROM acme_schema_version WHERE checksum IS NOT NULL"))
                .isEqualTo(Migrations.latestVersion());
        flyway(ds, "acme_").validate();
        assertThat(flyway(ds, "acme_").migrate().migrationsExecuted).isZero();
    }

    @Test
    void batchcallsOwnMigrationsFromTheSameFilesAgreeWithFlyway() {
        DataSource ds = db().fresh();
        Migrations.apply(ds);
        // Flyway takes over a database batchcall migrated: baseline at the installed version.
        Flyway takeOver = Flyway.configure().dataSource(ds).locations("classpath:" + Migrations.location(db().dialect()))
                .placeholders(Map.of("prefix", "bc_")).table("bc_flyway_history")
                .baselineOnMigrate(true).baselineVersion(String.valueOf(Migrations.latestVersion())).load();
        assertThat(takeOver.migrate().migrationsExecuted).isZero();
        JdbcStorage.builder(ds).build();
    }
}
