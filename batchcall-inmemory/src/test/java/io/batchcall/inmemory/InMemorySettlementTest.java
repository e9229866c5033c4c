package io.batchcall.inmemory;

import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.SettlementContract;
import java.time.Clock;

class InMemorySettlementTest extends SettlementContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected CreditLedger newLedger(Clock clock) {
        return InMemoryCreditLedger.create();
    }
}
