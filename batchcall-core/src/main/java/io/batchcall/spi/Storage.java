package io.batchcall.spi;

/**
 * The storage port: where batches, recipients, call attempts and the event log live. One backend
 * usually implements all four parts on one database, so that the engine's guarded updates and the
 * event log stay consistent. Every part must be safe for use from many threads and, for shared
 * databases, from many engine nodes at once.
 *
 * <p>Methods that change state take the instant of the change as a parameter; the one exception is
 * {@link BatchStore#update}, whose event an implementation stamps with its own injected
 * {@link java.time.Clock} (hand it the engine's clock). Instants are stored at least to the
 * microsecond.
 */
public interface Storage {
    /**
     * The batches part.
     *
     * @return the batch store; the same instance on every call
     */
    BatchStore batches();

    /**
     * The recipients part.
     *
     * @return the recipient store; the same instance on every call
     */
    RecipientStore recipients();

    /**
     * The call-attempts part.
     *
     * @return the call store; the same instance on every call
     */
    CallStore calls();

    /**
     * The event log part.
     *
     * @return the event log; the same instance on every call
     */
    EventLog events();

    /**
     * Dispositions and call backs. A store written before they existed throws
     * {@link UnsupportedOperationException}.
     *
     * @return the outcome store
     * @throws UnsupportedOperationException if this storage has none
     */
    default OutcomeStore outcomes() {
        throw new UnsupportedOperationException(getClass().getName() + " does not store dispositions");
    }

    /**
     * The durable-subscriptions part: cursors, leases and dead letters of named consumers of the
     * event log. A default method, so that a storage without it still compiles; every storage
     * shipped with batchcall implements it.
     *
     * @return the subscription store; the same instance on every call
     * @throws UnsupportedOperationException if this storage keeps no subscriptions
     */
    default SubscriptionStore subscriptions() {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no durable subscriptions; use a "
                + "storage that implements Storage.subscriptions()");
    }

    /**
     * The webhook registrations part. A default method, like {@link #subscriptions()}.
     *
     * @return the webhook store; the same instance on every call
     * @throws UnsupportedOperationException if this storage keeps no webhooks
     */
    default WebhookStore webhooks() {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no webhook registrations; use a "
                + "storage that implements Storage.webhooks()");
    }

    /**
     * The contact part: suppression lists, recent dials for frequency caps, erasure and retention.
     * The default throws: a storage without it runs no suppression check, and refuses to dial for
     * an account with a frequency cap (fails closed).
     *
     * @return the contact store; the same instance on every call
     * @throws UnsupportedOperationException if this storage keeps no contact data
     */
    default ContactStore contacts() {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no contact data");
    }
}
