package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.ConcurrentClaimContract;
import java.time.Clock;

class InMemoryConcurrentClaimTest extends ConcurrentClaimContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
