package io.batchcall.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable subscriptions: for each named consumer of an account's {@link EventLog}, a stored
 * cursor, a lease that lets exactly one node at a time deliver, and the dead letters it gave up
 * on. The store decides nothing: the core decides whether a lease may be taken over, when a failed
 * event is tried again and when it is given up on; the store applies each change only while the
 * row is still as the caller read it.
 *
 * <p><b>Guards.</b> {@link #take} applies only while the row is at the version read, and raises
 * the version by one: the new version is the holder's fencing token. {@link #advance},
 * {@link #deadLetter} and {@link #release} apply only while the row is still at that version and
 * owned by that owner; a node whose lease was taken over therefore writes nothing. Every method
 * returns whether it applied; none throws for a lost guard.
 *
 * <p>Every statement is scoped by the key's account. Thread-safe; on a shared database safe from
 * many nodes.
 */
public interface SubscriptionStore {
    /**
     * The subscription's row, created if absent with nobody holding it and the cursor at
     * {@code startCursor}; an existing row is returned unchanged (its cursor wins).
     *
     * @param key the consumer and account
     * @param startCursor the cursor of a new row: the last sequence the consumer will not receive
     * @return the stored row
     * @throws IllegalArgumentException if startCursor is negative
     */
    SubscriptionState open(SubscriptionKey key, long startCursor);

    /**
     * The subscription's row, if it exists.
     *
     * @param key the consumer and account
     * @return the row, or empty
     */
    Optional<SubscriptionState> find(SubscriptionKey key);

    /**
     * Takes the lease for {@code owner} until {@code leaseUntil}, if the row is still at
     * {@code version}; raises the version by one. The caller decided that the lease is free (never
     * taken, released, expired, or its own).
     *
     * @param key the consumer and account
     * @param version the version read
     * @param owner the node taking the lease
     * @param leaseUntil the lease's end
     * @return the row after the take-over, or empty if the row changed or does not exist
     */
    Optional<SubscriptionState> take(SubscriptionKey key, long version, String owner, Instant leaseUntil);

    /**
     * Stores the holder's progress (cursor, head event's failures and retry time, lease end), if
     * the row is still owned by {@code owner} at {@code version}. Renewing a lease is an advance
     * to the same cursor.
     *
     * @param key the consumer and account
     * @param owner the holder
     * @param version the holder's fencing token
     * @param progress what to store
     * @return whether it applied
     */
    boolean advance(SubscriptionKey key, String owner, long version, SubscriptionState.Progress progress);

    /**
     * In one unit of work: records the event {@code sequence} as a dead letter and stores the
     * progress past it, if the row is still owned by {@code owner} at {@code version}. A second
     * dead letter for the same key and sequence is not added (the progress still applies).
     *
     * @param key the consumer and account
     * @param owner the holder
     * @param version the holder's fencing token
     * @param sequence the event given up on
     * @param attempts how many deliveries failed, 1 or more
     * @param error the last failure (cut to {@link DeadLetterRow#MAX_ERROR} characters by the caller)
     * @param at when it was given up on
     * @param progress the progress past the event
     * @return whether it applied
     */
    boolean deadLetter(SubscriptionKey key, String owner, long version, long sequence, int attempts, String error,
            Instant at, SubscriptionState.Progress progress);

    /**
     * Gives the lease up (owner cleared, lease ended), if still owned by {@code owner} at
     * {@code version}; the cursor stays.
     *
     * @param key the consumer and account
     * @param owner the holder
     * @param version the holder's fencing token
     * @return whether it applied
     */
    boolean release(SubscriptionKey key, String owner, long version);

    /**
     * The subscription's dead letters by ascending id, after {@code afterId}.
     *
     * @param key the consumer and account
     * @param redeliverOnly only those whose redelivery was asked for
     * @param afterId the last id of the previous page, 0 for the first
     * @param limit at most this many, 1 to 1000
     * @return the dead letters
     * @throws IllegalArgumentException if limit is outside 1-1000
     */
    List<DeadLetterRow> deadLetters(SubscriptionKey key, boolean redeliverOnly, long afterId, int limit);

    /**
     * Asks for one dead letter, or all of the subscription's, to be delivered again.
     *
     * @param key the consumer and account
     * @param id the dead letter, or 0 for all of them
     * @return how many were marked
     */
    int requestRedelivery(SubscriptionKey key, long id);

    /**
     * Records the outcome of a redelivery: delivered removes the dead letter; failed raises its
     * attempts by one, stores the error and time and clears the redelivery request.
     *
     * @param key the consumer and account
     * @param id the dead letter
     * @param delivered whether the redelivery succeeded
     * @param error the failure when not delivered (cut by the caller), else ignored
     * @param at when it was tried
     * @return whether the dead letter existed
     */
    boolean redelivered(SubscriptionKey key, long id, boolean delivered, String error, Instant at);
}
