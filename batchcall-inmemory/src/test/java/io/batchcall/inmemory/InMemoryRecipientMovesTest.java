package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.RecipientMovesContract;
import java.time.Clock;

class InMemoryRecipientMovesTest extends RecipientMovesContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
