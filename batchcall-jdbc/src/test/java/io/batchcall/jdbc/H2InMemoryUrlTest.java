package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.StorageException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An H2 in-memory database that H2 drops between connections would lose the schema after the first
 * migration (and every batch later): the builders and {@link Migrations#apply} refuse it, naming
 * the URL and the fix.
 */
class H2InMemoryUrlTest {
    private static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    @Test
    void aNamedInMemoryDatabaseWithoutCloseDelayIsRefusedWithTheFix() {
        JdbcDataSource ds = h2("jdbc:h2:mem:volatile_one");
        assertThatThrownBy(() -> JdbcStorage.builder(ds).migrate(true).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("jdbc:h2:mem:volatile_one")
                .hasMessageContaining("drops when its last connection closes")
                .hasMessageContaining("jdbc:h2:mem:volatile_one;DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> JdbcCreditLedger.builder(ds).build())
                .isInstanceOf(StorageException.class).hasMessageContaining("DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> Migrations.apply(ds)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).isRetryable()).isFalse());
    }

    @Test
    void aCloseDelayOtherThanMinusOneIsRefusedToo() {
        assertThatThrownBy(() -> JdbcStorage.builder(h2("jdbc:h2:mem:volatile_two;DB_CLOSE_DELAY=5")).migrate(true).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("DB_CLOSE_DELAY is 5");
    }

    @Test
    void anUnnamedInMemoryDatabaseIsRefused() {
        assertThatThrownBy(() -> JdbcStorage.builder(h2("jdbc:h2:mem:")).migrate(true).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("new, private in-memory database on every connection")
                .hasMessageContaining("jdbc:h2:mem:batchcall;DB_CLOSE_DELAY=-1");
    }

    @Test
    void anInMemoryDatabaseKeptOpenWorks() {
        JdbcDataSource ds = h2("jdbc:h2:mem:kept_open;DB_CLOSE_DELAY=-1");
        assertThat(JdbcStorage.builder(ds).migrate(true).build().dialect()).isEqualTo(Dialect.H2);
        JdbcCreditLedger.builder(ds).build();
    }
}
