package io.batchcall.jdbc;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Everything against embedded H2, with a session time zone different from the JVM's. */
class H2JdbcTest {
    @RegisterExtension
    static final TestDb DB = TestDb.h2();

    @Nested
    class Batches extends BatchStoreJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }

    @Nested
    class Imports extends ImportJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }

    @Nested
    class Cluster extends ClusterClaimJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }

    @Nested
    class Events extends EventLogJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }

    @Nested
    class Engine extends EngineOnJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }

    @Nested
    class Ledger extends LedgerJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }

    @Nested
    class ContactPolicy extends ContactPolicyJdbcTest {
        @Override
        TestDb db() {
            return DB;
        }
    }
}
