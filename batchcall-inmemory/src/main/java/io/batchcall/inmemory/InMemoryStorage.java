package io.batchcall.inmemory;

import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.OutcomeStore;
import io.batchcall.spi.RecipientStore;
import io.batchcall.spi.Storage;
import io.batchcall.spi.SubscriptionStore;
import io.batchcall.spi.WebhookStore;
import java.time.Clock;

/**
 * A {@link Storage} held in memory: the reference model of the storage contract, for tests,
 * demos and single-process use. Nothing survives the JVM.
 *
 * <p>Thread-safe by the simplest means: every operation runs under one lock, and the events it
 * appends are written inside the same critical section, so each operation is atomic and the log
 * is in commit order. Claims are fast (an index of pending recipients by due time per batch,
 * active-call counters kept on every status change), so it also serves load runs of one engine.
 * Memory grows with recipients, attempts and events; nothing is evicted.
 */
public final class InMemoryStorage implements Storage {
    private final BatchStore batches;
    private final RecipientStore recipients;
    private final CallStore calls;
    private final EventLog events;
    private final OutcomeStore outcomes;
    private final SubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final WebhookStore webhooks = new InMemoryWebhookStore();
    private final ContactStore contacts;

    private InMemoryStorage(Clock clock) {
        State state = new State(clock);
        this.batches = new InMemoryBatchStore(state);
        this.recipients = new InMemoryRecipientStore(state);
        this.calls = new InMemoryCallStore(state);
        this.events = new InMemoryEventLog(state);
        this.outcomes = new InMemoryOutcomeStore(state);
        this.contacts = new InMemoryContactStore(state);
    }

    /**
     * An empty storage.
     *
     * @return a new, empty storage
     * @param clock stamps the events of batch updates (every other change carries its own time);
     *     pass the engine's clock
     */
    public static InMemoryStorage create(Clock clock) {
        return new InMemoryStorage(clock);
    }

    /**
     * An empty storage stamping batch-update events with the UTC system clock.
     *
     * @return a new, empty storage
     */
    public static InMemoryStorage create() {
        return new InMemoryStorage(Clock.systemUTC());
    }

    @Override
    public BatchStore batches() {
        return batches;
    }

    @Override
    public RecipientStore recipients() {
        return recipients;
    }

    @Override
    public CallStore calls() {
        return calls;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public OutcomeStore outcomes() {
        return outcomes;
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public WebhookStore webhooks() {
        return webhooks;
    }

    @Override
    public ContactStore contacts() {
        return contacts;
    }
}
