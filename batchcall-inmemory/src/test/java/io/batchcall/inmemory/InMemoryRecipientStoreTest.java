package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.RecipientStoreContract;
import java.time.Clock;

class InMemoryRecipientStoreTest extends RecipientStoreContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
