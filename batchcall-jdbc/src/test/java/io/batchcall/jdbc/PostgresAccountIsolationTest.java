package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.StorageException;
import io.batchcall.jdbc.internal.Jdbc;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.Claim;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The single-account mode bites: under its policies a transaction sees and writes only the account
 * it names, a sweep across accounts only reads, and the storage works only because each of its
 * transactions names the right account. (The contract suites pass in this mode:
 * {@link PostgresSingleAccountContractsTest}.)
 */
class PostgresAccountIsolationTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();
    private static final Clock CLOCK = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);
    private static HikariDataSource role;

    @BeforeAll
    static void prepare() throws Exception {
        role = SingleAccountMode.prepare(PG.database());
    }

    @AfterAll
    static void close() {
        role.close();
    }

    @Test
    void aTransactionSeesOnlyTheAccountItNames() throws Exception {
        Storage storage = SingleAccountMode.backend(role, CLOCK).storage();
        Batch a = Fixtures.running(storage, "iso-a", 5, 5, 3);
        Fixtures.running(storage, "iso-b", 5, 5, 2);

        assertThat(count(role, "iso-a", "bc_recipients")).isEqualTo(3);
        assertThat(count(role, "iso-b", "bc_recipients")).isEqualTo(2);
        assertThat(count(role, "*", "bc_recipients")).isEqualTo(5);
        assertThat(count(role, "nobody", "bc_recipients")).isZero();
        assertThat(count(role, null, "bc_recipients")).as("no setting, no rows").isZero();
        try (Connection c = role.getConnection()) {
            c.setAutoCommit(false);
            setAccount(c, "iso-b");
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE bc_recipients SET name = 'x' WHERE batch_id = " + a.id().value()))
                        .as("another account's rows are not there to update").isZero();
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO bc_accounts (account_id, inbound_calls) "
                        + "VALUES ('iso-a2', 0)")).hasMessageContaining("row-level security");
            }
            c.rollback();
        }
    }

    @Test
    void aSweepAcrossAccountsOnlyReads() {
        Jdbc jdbc = new Jdbc(role, AccountIsolation.TEST_SETTING);
        Long accounts = jdbc.acrossAccounts("count", c -> io.batchcall.jdbc.internal.Sql.number(c,
                "SELECT count(*) FROM bc_accounts"));
        assertThat(accounts).isNotNull();
        assertThatThrownBy(() -> jdbc.acrossAccounts("write", c -> io.batchcall.jdbc.internal.Sql.update(c,
                "UPDATE bc_accounts SET inbound_calls = 0")))
                .isInstanceOf(StorageException.class).hasMessageContaining("read-only");
    }

    /** The same role without the setting: every read comes back empty, so the mode is what grants access. */
    @Test
    void withoutTheSettingTheStorageSeesNothing() {
        Storage isolated = SingleAccountMode.backend(role, CLOCK).storage();
        Batch b = Fixtures.running(isolated, "iso-c", 5, 5, 4);
        Storage plain = JdbcBackend.builder(role).clock(CLOCK).build().storage();
        assertThat(plain.batches().find(new BatchQuery(AccountId.of("iso-c"), java.util.Set.of(), null, false, null, 10))).isEmpty();
        assertThat(isolated.batches().find(new BatchQuery(AccountId.of("iso-c"), java.util.Set.of(), null, false, null, 10))).extracting(Batch::id)
                .containsExactly(b.id());
        List<Claim> claims = isolated.calls().claim(Fixtures.claimRequest(b, 5, 2, Fixtures.T0));
        assertThat(claims).hasSize(2);
        assertThat(plain.calls().markPlaced(b.account(), claims.get(0).attempt().id(), "CA-1", Fixtures.T0))
                .as("the attempt is invisible without the setting").isFalse();
        assertThat(isolated.calls().markPlaced(AccountId.of("iso-a"), claims.get(0).attempt().id(), "CA-1",
                Fixtures.T0)).as("another account's attempt is unknown").isFalse();
        assertThat(isolated.calls().markPlaced(b.account(), claims.get(0).attempt().id(), "CA-1", Fixtures.T0))
                .isTrue();
    }

    private static long count(javax.sql.DataSource ds, String account, String table) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            if (account != null) {
                setAccount(c, account);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                long n = rs.getLong(1);
                c.rollback();
                return n;
            }
        }
    }

    private static void setAccount(Connection c, String account) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, true)")) {
            ps.setString(1, AccountIsolation.TEST_SETTING);
            ps.setString(2, account);
            ps.execute();
        }
    }
}
