package io.batchcall.inmemory;

import io.batchcall.spi.Storage;
import io.batchcall.testkit.WebhookStoreContract;
import java.time.Clock;

class InMemoryWebhookStoreTest extends WebhookStoreContract {
    @Override
    protected Storage newStorage(Clock clock) {
        return InMemoryStorage.create(clock);
    }
}
