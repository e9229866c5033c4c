package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.CallEndingsContract;
import java.time.Clock;

class InMemoryCallEndingsTest extends CallEndingsContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
