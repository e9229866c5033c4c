package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.BatchStoreContract;
import java.time.Clock;

class InMemoryBatchStoreTest extends BatchStoreContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
