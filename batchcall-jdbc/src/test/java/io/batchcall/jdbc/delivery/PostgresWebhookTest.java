package io.batchcall.jdbc.delivery;

import io.batchcall.jdbc.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhooks end to end on a real PostgreSQL (the testkit's shared server). */
class PostgresWebhookTest extends WebhookEndToEndTest {
    @RegisterExtension
    static final TestDb DB = TestDb.postgres();

    @Override
    TestDb db() {
        return DB;
    }
}
