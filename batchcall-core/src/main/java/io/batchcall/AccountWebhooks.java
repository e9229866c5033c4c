package io.batchcall;

import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.Webhook;
import io.batchcall.delivery.WebhookSignature;
import io.batchcall.delivery.internal.DeliveryRunner;
import io.batchcall.model.AccountId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One account's webhooks. Each registered endpoint receives every later event of the account as a
 * signed JSON POST (see {@link WebhookSignature} for the header and how to verify it), at least
 * once, in sequence order (so in order per batch), retried with backoff; after the configured
 * attempts an event becomes a dead letter and delivery moves on. Registrations live in the store,
 * so every node delivers them (one node at a time per endpoint).
 *
 * <p>The JSON body: {@code {"sequence":17,"type":"recipient","status":"completed",
 * "at":"2026-03-02T14:00:05Z","account":"acme","batch":12,"recipient":34,"attempt":56,
 * "detail":null}} — {@code sequence} numbers the account's events (dedupe on account and
 * sequence), {@code type} is {@code batch} or {@code recipient}, {@code recipient} and
 * {@code attempt} (the call attempt's id) are null for batch events, {@code detail} is a reason or
 * null. Answer 2xx to acknowledge; anything else, or no answer within the request timeout, is a
 * failure. Redirects are not followed.
 */
public final class AccountWebhooks {
    private final DeliveryRunner deliveries;
    private final AccountId account;

    AccountWebhooks(DeliveryRunner deliveries, AccountId account) {
        this.deliveries = deliveries;
        this.account = account;
    }

    /**
     * Registers an endpoint; it receives the account's events from now on.
     *
     * @param url an absolute https URL (http only on localhost / loopback), without user-info
     * @param secret the signing key shared with the receiver: 16-256 printable ASCII characters
     * @return the registration
     * @throws IllegalArgumentException naming what is wrong with the URL or the secret
     * @throws UnsupportedOperationException if the storage keeps no webhooks
     */
    public Webhook register(String url, String secret) {
        return deliveries.register(account, url, secret);
    }

    /**
     * The account's endpoints by ascending id.
     *
     * @return the registrations (secrets not shown)
     */
    public List<Webhook> list() {
        return deliveries.webhooks(account);
    }

    /**
     * Removes an endpoint; nothing more is sent to it.
     *
     * @param id the registration's id
     * @throws NotFoundException if the account has no such webhook
     */
    public void remove(long id) {
        if (!deliveries.removeWebhook(account, id)) {
            throw new NotFoundException("webhook " + id + " of account " + account + " does not exist");
        }
    }

    /**
     * The dead letters of one endpoint, oldest first.
     *
     * @param id the registration's id
     * @param afterId the last dead-letter id of the previous page, 0 for the first
     * @param limit page size, 1 to 1000
     * @return the dead letters with their events
     * @throws NotFoundException if the account has no such webhook
     */
    public List<DeadLetter> deadLetters(long id, long afterId, int limit) {
        return deliveries.deadLetters(deliveries.webhookKey(account, id), afterId, limit);
    }

    /**
     * The dead letters of every endpoint of the account, oldest first, at most {@code limit}.
     *
     * @param limit at most this many, 1 to 1000
     * @return the dead letters with their events
     */
    public List<DeadLetter> deadLetters(int limit) {
        List<DeadLetter> all = new ArrayList<>();
        for (Webhook w : list()) {
            all.addAll(deadLetters(w.id(), 0, limit));
        }
        all.sort(Comparator.comparing(DeadLetter::deadAt).thenComparing(DeadLetter::id));
        return all.size() <= limit ? all : all.subList(0, limit);
    }

    /**
     * Asks for one dead letter of an endpoint to be delivered again; removed once delivered.
     *
     * @param id the registration's id
     * @param deadLetterId the dead letter
     * @throws NotFoundException if the webhook or the dead letter does not exist
     */
    public void redeliver(long id, long deadLetterId) {
        if (deadLetterId < 1) {
            throw new IllegalArgumentException("deadLetterId must be positive, but was " + deadLetterId);
        }
        deliveries.redeliver(deliveries.webhookKey(account, id), deadLetterId);
    }

    /**
     * Asks for every dead letter of an endpoint to be delivered again.
     *
     * @param id the registration's id
     * @return how many were queued
     * @throws NotFoundException if the account has no such webhook
     */
    public int redeliverAll(long id) {
        return deliveries.redeliver(deliveries.webhookKey(account, id), 0);
    }
}
