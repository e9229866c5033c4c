package io.batchcall.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each class gets its own empty database, resolvable as a parameter, dropped on close. */
@ExtendWith(PostgresExtension.class)
class FreshDatabaseTest {

    private static String classDatabase;

    @BeforeAll
    static void startsEmpty(PostgresDatabase database) throws SQLException {
        classDatabase = database.name();
        assertThat(userTableCount(database.dataSource())).isZero();
    }

    @Test
    void dataSourceParameterIsTheClassDatabase(DataSource dataSource, PostgresDatabase database)
            throws SQLException {
        assertThat(database.name()).isEqualTo(classDatabase);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_database()")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo(classDatabase);
        }
    }

    @Test
    void databasesAreSeparateAndDroppedOnClose() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        PostgresDatabase one = server.createDatabase("separate");
        try (PostgresDatabase two = server.createDatabase("separate")) {
            execute(one.dataSource(), "CREATE TABLE only_in_one (id int)");

            assertThat(two.name()).isNotEqualTo(one.name());
            assertThat(userTableCount(two.dataSource())).isZero();
        }
        try (Connection open = one.dataSource().getConnection()) {
            one.close();
            assertThat(open.isValid(5)).as("sessions are ended by the drop").isFalse();
        }

        assertThatThrownBy(() -> DriverManager.getConnection(one.jdbcUrl(), one.user(), one.password()))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("3D000");
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheEnclosingClassDatabase(PostgresDatabase database) {
            assertThat(database.name()).isEqualTo(classDatabase);
        }
    }

    private static int userTableCount(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
