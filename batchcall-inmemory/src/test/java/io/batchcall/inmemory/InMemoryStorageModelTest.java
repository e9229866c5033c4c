package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.StorageModelContract;
import java.time.Clock;

/** Runs the model check of the reference against itself: the harness works and the model is deterministic. */
class InMemoryStorageModelTest extends StorageModelContract {
    @Override
    protected Storage newReference(Clock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected Storage newSubject(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
