package io.batchcall.inmemory;

import io.batchcall.model.AccountId;
import io.batchcall.spi.WebhookRegistration;
import io.batchcall.spi.WebhookStore;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** The webhook registrations of an {@link InMemoryStorage}, by id, under this object's lock. */
final class InMemoryWebhookStore implements WebhookStore {
    private final TreeMap<Long, WebhookRegistration> hooks = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized WebhookRegistration add(AccountId account, URI url, String secret, Instant at) {
        WebhookRegistration r = new WebhookRegistration(nextId++, account, url, secret, at);
        hooks.put(r.id(), r);
        return r;
    }

    @Override
    public synchronized List<WebhookRegistration> list(AccountId account) {
        return hooks.values().stream().filter(r -> r.account().equals(account)).toList();
    }

    @Override
    public synchronized List<WebhookRegistration> all() {
        return hooks.values().stream().sorted(Comparator.comparing((WebhookRegistration r) -> r.account().value())
                .thenComparingLong(WebhookRegistration::id)).toList();
    }

    @Override
    public synchronized boolean remove(AccountId account, long id) {
        WebhookRegistration r = hooks.get(id);
        if (r == null || !r.account().equals(account)) {
            return false;
        }
        hooks.remove(id);
        return true;
    }
}
