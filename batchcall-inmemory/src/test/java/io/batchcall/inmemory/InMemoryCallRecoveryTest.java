package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.CallRecoveryContract;
import java.time.Clock;

class InMemoryCallRecoveryTest extends CallRecoveryContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
