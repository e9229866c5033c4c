package io.batchcall.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresLiquibaseMigrationsTest extends LiquibaseMigrationsTest {
    @RegisterExtension
    static final TestDb DB = TestDb.postgres();

    @Override
    TestDb db() {
        return DB;
    }
}
