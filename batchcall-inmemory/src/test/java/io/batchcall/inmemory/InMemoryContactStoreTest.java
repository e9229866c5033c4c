package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.ContactStoreContract;
import java.time.Clock;

class InMemoryContactStoreTest extends ContactStoreContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
