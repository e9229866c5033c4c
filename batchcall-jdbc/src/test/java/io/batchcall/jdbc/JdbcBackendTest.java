package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcBackend}: one builder for the storage and the ledger, and the old builders that delegate to it. */
class JdbcBackendTest {
    @RegisterExtension
    static final TestDb H2 = TestDb.h2();
    @RegisterExtension
    static final TestDb POSTGRES = TestDb.postgres();

    private static final AccountId ACME = AccountId.of("acme");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2026-03-29T01:30:00.123456Z");

    abstract static class Contract {
        abstract TestDb db();

        @Test
        void buildsTheStorageAndTheLedgerOnOneSchema() throws Exception {
            DataSource ds = db().fresh();
            JdbcBackend backend = JdbcBackend.builder(ds).tablePrefix("one_").clock(Clock.fixed(T0, ZoneId.of("UTC")))
                    .migrate(true).build();
            assertThat(backend.dialect()).isEqualTo(db().dialect()).isEqualTo(backend.storage().dialect());
            assertThat(backend.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(Migrations.installedVersion(ds, "one_")).isEqualTo(Migrations.latestVersion());
            assertThat(Migrations.installedVersion(ds, "bc_")).as("nothing under the default prefix").isZero();
            backend.ledger().topUp(ACME, Money.usd("1.00"), "t1");
            assertThat(backend.ledger().available(ACME, USD)).isEqualTo(Money.usd("1.00"));
            assertThat(number(ds, "SELECT created_at_us FROM one_credit_topups WHERE topup_key = 't1'"))
                    .as("stamped by the builder's clock").isEqualTo(T0.getEpochSecond() * 1_000_000 + 123_456);
        }

        @Test
        void checksTheSchemaUnlessToldToMigrate() {
            DataSource ds = db().fresh();
            assertThatThrownBy(() -> JdbcBackend.builder(ds).build()).isInstanceOf(SchemaVersionException.class)
                    .hasMessageContaining("not installed");
            JdbcBackend.builder(ds).migrate(true).build();
            assertThat(JdbcBackend.builder(ds).dialect(db().dialect()).build().schemaVersion())
                    .isEqualTo(Migrations.latestVersion());
        }

        @Test
        void whatABuilderBuiltDoesNotChangeWithIt() throws Exception {
            DataSource ds = db().fresh();
            JdbcBackend.Builder builder = JdbcBackend.builder(ds).tablePrefix("a_").migrate(true);
            JdbcBackend first = builder.build();
            JdbcBackend second = builder.tablePrefix("b_").build();
            first.ledger().topUp(ACME, Money.usd("1"), "t");
            second.ledger().topUp(ACME, Money.usd("2"), "t");
            assertThat(number(ds, "SELECT balance_micros FROM a_credit_balances")).isEqualTo(1_000_000);
            assertThat(number(ds, "SELECT balance_micros FROM b_credit_balances")).isEqualTo(2_000_000);
        }

        @Test
        @SuppressWarnings("deprecation")
        void theOldBuildersStillWorkOnTheSameSchema() {
            DataSource ds = db().fresh();
            JdbcStorage storage = JdbcStorage.builder(ds).tablePrefix("old_").migrate(true).build();
            JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).tablePrefix("old_").build();
            assertThat(storage.dialect()).isEqualTo(db().dialect());
            ledger.topUp(ACME, Money.usd("1"), "t");
            assertThat(JdbcBackend.builder(ds).tablePrefix("old_").build().ledger().available(ACME, USD))
                    .isEqualTo(Money.usd("1"));
            assertThatThrownBy(() -> JdbcCreditLedger.builder(db().fresh()).build())
                    .isInstanceOf(SchemaVersionException.class);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDb db() {
            return H2;
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        TestDb db() {
            return POSTGRES;
        }
    }

    @Test
    void refusesBadSettingsAtOnce() {
        assertThatThrownBy(() -> JdbcBackend.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataSource");
        DataSource ds = H2.fresh(1);
        assertThatThrownBy(() -> JdbcBackend.builder(ds).tablePrefix("Bad-Prefix"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix")
                .hasMessageContaining("'Bad-Prefix'");
        assertThatThrownBy(() -> JdbcBackend.builder(ds).clock(null)).hasMessageContaining("clock");
        assertThatThrownBy(() -> JdbcBackend.builder(ds).dialect(null)).hasMessageContaining("dialect");
    }

    private static long number(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            return rs.getLong(1);
        }
    }
}
