package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.CallLifecycleContract;
import java.time.Clock;

class InMemoryCallLifecycleTest extends CallLifecycleContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
