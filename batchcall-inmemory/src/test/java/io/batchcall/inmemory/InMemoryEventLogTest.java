package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.EventLogContract;
import java.time.Clock;

class InMemoryEventLogTest extends EventLogContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
