package io.batchcall.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2MigrationChecksumsTest extends MigrationChecksumsTest {
    @RegisterExtension
    static final TestDb DB = TestDb.h2();

    @Override
    TestDb db() {
        return DB;
    }
}
