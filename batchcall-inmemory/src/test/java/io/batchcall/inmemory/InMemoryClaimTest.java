package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.ClaimContract;
import java.time.Clock;

class InMemoryClaimTest extends ClaimContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
