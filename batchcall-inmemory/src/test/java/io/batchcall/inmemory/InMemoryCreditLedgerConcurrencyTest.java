package io.batchcall.inmemory;

import io.batchcall.spi.CreditLedger;
import io.batchcall.testkit.CreditLedgerConcurrencyContract;

class InMemoryCreditLedgerConcurrencyTest extends CreditLedgerConcurrencyContract {
    @Override
    protected CreditLedger newLedger() {
        return InMemoryCreditLedger.create();
    }
}
