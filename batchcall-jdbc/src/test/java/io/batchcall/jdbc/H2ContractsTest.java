package io.batchcall.jdbc;

import org.junit.jupiter.api.AfterAll;

/**
 * Every storage and ledger contract suite of the testkit, unchanged, against embedded H2 (session zone
 * Asia/Kathmandu, JVM zone America/New_York).
 */
class H2ContractsTest extends JdbcContractSuites {
    private static final ContractDatabase DB = ContractDatabase.h2("contracts");

    @AfterAll
    static void close() {
        DB.close();
    }

    @Override
    protected ContractDatabase db() {
        return DB;
    }
}
