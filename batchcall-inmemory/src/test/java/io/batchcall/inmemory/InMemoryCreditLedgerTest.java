package io.batchcall.inmemory;

import io.batchcall.spi.CreditLedger;
import io.batchcall.testkit.CreditLedgerContract;

class InMemoryCreditLedgerTest extends CreditLedgerContract {
    @Override
    protected CreditLedger newLedger() {
        return InMemoryCreditLedger.create();
    }
}
