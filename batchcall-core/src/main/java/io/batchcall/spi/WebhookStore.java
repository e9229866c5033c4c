package io.batchcall.spi;

import io.batchcall.model.AccountId;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The webhook endpoints each account registered. Delivery state (cursor, lease, dead letters) lives
 * in the {@link SubscriptionStore} under the consumer the core names after the registration's id.
 * Thread-safe; on a shared database every node sees the same registrations.
 */
public interface WebhookStore {
    /**
     * Stores a registration with a new id.
     *
     * @param account the account
     * @param url the endpoint, already checked
     * @param secret the signing key, already checked
     * @param at when it is registered
     * @return the stored registration
     */
    WebhookRegistration add(AccountId account, URI url, String secret, Instant at);

    /**
     * The account's registrations by ascending id.
     *
     * @param account the account
     * @return its registrations; empty if none
     */
    List<WebhookRegistration> list(AccountId account);

    /**
     * Every account's registrations (the delivery runner follows them all), by account then id.
     *
     * @return every registration
     */
    List<WebhookRegistration> all();

    /**
     * Removes one of the account's registrations; another account's id is not removed.
     *
     * @param account the account
     * @param id the registration
     * @return whether it existed and was the account's
     */
    boolean remove(AccountId account, long id);
}
