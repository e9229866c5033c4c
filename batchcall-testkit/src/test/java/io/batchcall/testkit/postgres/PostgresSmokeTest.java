package io.batchcall.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the shared server is a real, current PostgreSQL that serves concurrent claims. */
class PostgresSmokeTest {

    @RegisterExtension
    static final PostgresExtension pg = PostgresExtension.shared();

    @BeforeAll
    static void createQueue() throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE job (id int PRIMARY KEY, payload text NOT NULL)");
            s.execute("INSERT INTO job SELECT g, 'job ' || g FROM generate_series(1, 5) g");
        }
    }

    @Test
    void serverIsACurrentMajorVersion() throws SQLException {
        int versionNum = Integer.parseInt(queryString(pg.dataSource(), "SHOW server_version_num"));
        int major = versionNum / 10_000;

        assertThat(major).isGreaterThanOrEqualTo(15);
        if (ExternalServer.fromEnvironment().isEmpty()) {
            assertThat(major).as("embedded binaries come from the 17.x binaries BOM").isEqualTo(17);
        }
    }

    @Test
    void sessionTimeZoneDiffersFromTheJvms() throws SQLException {
        ZoneId session = ZoneId.of(queryString(pg.dataSource(), "SHOW TimeZone"));

        assertThat(session).isEqualTo(pg.database().sessionTimeZone());
        assertThat(session.getRules()).isNotEqualTo(ZoneId.systemDefault().getRules());
    }

    @Test
    void skipLockedHandsTwoTransactionsDifferentRows() throws SQLException {
        String claim = "SELECT id FROM job ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
        try (Connection first = pg.dataSource().getConnection();
                Connection second = pg.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);

            int firstClaim = queryInt(first, claim);
            int secondClaim = queryInt(second, claim);

            assertThat(firstClaim).isEqualTo(1);
            assertThat(secondClaim).isEqualTo(2);
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void connectionDetailsReachTheSameDatabase() throws SQLException {
        assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://").endsWith("/" + pg.database().name());
        assertThat(pg.user()).isNotBlank();
        assertThat(queryString(pg.dataSource(), "SELECT current_database()"))
                .isEqualTo(pg.database().name());
    }

    private static String queryString(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as("a row from %s", sql).isTrue();
            return r.getString(1);
        }
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as("a row from %s", sql).isTrue();
            return r.getInt(1);
        }
    }
}
