package io.batchcall.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMigrationChecksumsTest extends MigrationChecksumsTest {
    @RegisterExtension
    static final TestDb DB = TestDb.postgres();

    @Override
    TestDb db() {
        return DB;
    }
}
