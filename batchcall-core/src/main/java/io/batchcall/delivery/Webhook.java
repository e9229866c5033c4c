package io.batchcall.delivery;

import io.batchcall.model.AccountId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered webhook endpoint as the host sees it (the secret is not shown again).
 *
 * @param id the registration's id
 * @param account the account whose events are sent
 * @param url where each event is POSTed
 * @param createdAt when it was registered
 * @param consumer the durable consumer delivering it, e.g. {@code webhook-7}; its dead letters are
 *     listed under this name
 */
public record Webhook(long id, AccountId account, URI url, Instant createdAt, String consumer) {
    /**
     * Checks that no component is null.
     *
     * @param id the registration's id
     * @param account the account
     * @param url the endpoint
     * @param createdAt when it was registered
     * @param consumer the consumer's name
     * @throws NullPointerException if a component is null
     */
    public Webhook {
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(consumer, "consumer must not be null");
    }

    /**
     * The consumer name of a registration id.
     *
     * @param id the registration's id
     * @return {@code webhook-<id>}
     */
    public static String consumerOf(long id) {
        return "webhook-" + id;
    }
}
