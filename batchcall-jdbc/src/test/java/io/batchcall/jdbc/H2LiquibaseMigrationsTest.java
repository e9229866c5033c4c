package io.batchcall.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2LiquibaseMigrationsTest extends LiquibaseMigrationsTest {
    @RegisterExtension
    static final TestDb DB = TestDb.h2();

    @Override
    TestDb db() {
        return DB;
    }
}
