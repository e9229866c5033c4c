package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file H2 database writes commits lazily (WRITE_DELAY, 500 ms by default): a claim must then be
 * checkpointed before anyone dials. In-memory databases and WRITE_DELAY=0 need nothing.
 */
class H2DurabilityTest {
    @TempDir
    Path dir;

    private static H2Dialect probe(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return H2Dialect.probe(ds);
    }

    @Test
    void checkpointsClaimsOnlyWhenCommitsAreDelayed() {
        assertThat(probe("jdbc:h2:" + dir.resolve("delayed")).checkpointsAfterClaim()).isTrue();
        assertThat(probe("jdbc:h2:" + dir.resolve("direct") + ";WRITE_DELAY=0").checkpointsAfterClaim()).isFalse();
        assertThat(probe("jdbc:h2:mem:durability").checkpointsAfterClaim()).isFalse();
    }
}
