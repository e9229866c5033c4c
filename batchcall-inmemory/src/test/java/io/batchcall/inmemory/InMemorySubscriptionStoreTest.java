package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.SubscriptionStoreContract;
import java.time.Clock;

class InMemorySubscriptionStoreTest extends SubscriptionStoreContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
