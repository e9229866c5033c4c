package io.batchcall.jdbc;

import io.batchcall.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every storage and ledger contract suite of the testkit, unchanged, against a real PostgreSQL from
 * the testkit's {@link PostgresExtension} (its session zone differs from the JVM's).
 */
class PostgresContractsTest extends JdbcContractSuites {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();
    private static final ContractDatabase DB = ContractDatabase.postgres(PG);

    @AfterAll
    static void close() {
        DB.close();
    }

    @Override
    protected ContractDatabase db() {
        return DB;
    }
}
