package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.Batch;
import java.sql.Connection;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * A host that runs batchcall's shipped scripts with Liquibase ({@code sqlFile} changes, the
 * prefix as a changelog property: {@code liquibase-batchcall.xml}), then builds the storage with
 * {@code migrate(false)}.
 */
abstract class LiquibaseMigrationsTest {
    abstract TestDb db();

    @Test
    @SuppressWarnings("deprecation")   // the Liquibase facade: the shortest way to run one changelog
    void liquibaseRunsTheShippedScriptsAndBatchcallUsesTheSchema() throws Exception {
        DataSource ds = db().fresh();
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("liquibase-batchcall.xml", new ClassLoaderResourceAccessor(),
                    database)) {
                liquibase.setChangeLogParameter("dialect", db().dialect().migrationFolder());
                liquibase.setChangeLogParameter("prefix", "lq_");
                liquibase.update("");
            }
        }
        assertThat(Migrations.installedVersion(ds, "lq_")).isEqualTo(Migrations.latestVersion());
        JdbcStorage storage = JdbcStorage.builder(ds).tablePrefix("lq_").build();
        Batch b = Fixtures.running(storage, "acme", 5, 5, 10);
        assertThat(storage.calls().claim(Fixtures.claimRequest(b, 5, 2, T0.plusSeconds(1)))).hasSize(2);
        JdbcCreditLedger.builder(ds).tablePrefix("lq_").build();
    }
}
