package io.batchcall.jdbc;

import io.batchcall.spi.Storage;
import javax.sql.DataSource;

/** A fresh migrated database per test. */
abstract class JdbcTestBase {
    DataSource ds;

    abstract TestDb db();

    Storage storage() {
        ds = db().fresh();
        return JdbcStorage.builder(ds).clock(java.time.Clock.fixed(Fixtures.T0, java.time.ZoneOffset.UTC))
                .migrate(true).build();
    }
}
