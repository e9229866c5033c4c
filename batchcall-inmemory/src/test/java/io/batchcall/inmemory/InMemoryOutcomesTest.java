package io.batchcall.inmemory;

import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.OutcomesContract;
import java.time.Clock;

class InMemoryOutcomesTest extends OutcomesContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected CreditLedger newLedger(Clock clock) {
        return InMemoryCreditLedger.create();
    }
}
