package io.batchcall.spi;

import io.batchcall.model.AccountId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook endpoint an account registered, as stored. The URL was checked by the core before it
 * was stored; the secret signs every delivery and is never shown by {@link #toString()}.
 *
 * @param id unique in the store
 * @param account the account whose events are sent
 * @param url where events are POSTed
 * @param secret the signing key
 * @param createdAt when it was registered
 */
public record WebhookRegistration(long id, AccountId account, URI url, String secret, Instant createdAt) {
    /**
     * Checks that no component is null.
     *
     * @param id unique in the store
     * @param account the account; not null
     * @param url the endpoint; not null
     * @param secret the signing key; not null
     * @param createdAt when it was registered; not null
     * @throws NullPointerException if a component is null
     */
    public WebhookRegistration {
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    @Override
    public String toString() {
        return "WebhookRegistration[id=" + id + ", account=" + account + ", url=" + url + ", createdAt=" + createdAt
                + "]";
    }
}
