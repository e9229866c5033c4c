package io.batchcall.jdbc;

import io.batchcall.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every storage and ledger contract suite of the testkit, unchanged, against PostgreSQL in the
 * {@linkplain SingleAccountMode single-account mode}: each transaction of the storage and the
 * ledger may read and write one account only (row-level security, forced, as a role without
 * superuser or BYPASSRLS), sweeps across accounts only read. Passing here means no transaction
 * touches a second account, as a database sharded by account requires.
 */
class PostgresSingleAccountContractsTest extends JdbcContractSuites {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();
    private static final ContractDatabase DB = ContractDatabase.postgresSingleAccount(PG);

    @AfterAll
    static void close() {
        DB.close();
    }

    @Override
    protected ContractDatabase db() {
        return DB;
    }
}
