package io.batchcall.jdbc.delivery;

import io.batchcall.jdbc.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhooks end to end on embedded H2. */
class H2WebhookTest extends WebhookEndToEndTest {
    @RegisterExtension
    static final TestDb DB = TestDb.h2();

    @Override
    TestDb db() {
        return DB;
    }
}
