package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.policy.FrequencyCap;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-account contact data: the suppression (do-not-call) list, the recent dials behind frequency
 * caps, erasure of a number and retention. Thread-safe, and on a shared database safe across
 * engine nodes. Every statement is scoped by account except {@link #purge}.
 *
 * <p>Numbers are matched through {@link io.batchcall.policy.NumberHash}: a suppression entry
 * survives the erasure of its number as a hash (see {@link #erase}).
 */
public interface ContactStore {
    /**
     * Adds numbers to the account's suppression list; a number already on it keeps its first entry.
     * One unit of work per call: callers loading a large list call it in chunks (e.g. 10,000).
     *
     * @param account the account
     * @param entries the entries; a number may appear once
     * @return how many numbers were new on the list
     */
    int suppress(AccountId account, List<Suppression> entries);

    /**
     * Removes a number from the account's suppression list.
     *
     * @param account the account
     * @param phone the number
     * @return whether it was on the list
     */
    boolean unsuppress(AccountId account, PhoneNumber phone);

    /**
     * Which of the numbers are on the account's suppression list, in one lookup (the engine asks
     * once per claimed chunk).
     *
     * @param account the account
     * @param phones the numbers to check, at most 1,000
     * @return the suppressed ones among them
     */
    Set<PhoneNumber> suppressed(AccountId account, Collection<PhoneNumber> phones);

    /**
     * The account's suppression entry of one number.
     *
     * @param account the account
     * @param phone the number
     * @return the entry, or null when the number is not on the list
     */
    Suppression suppression(AccountId account, PhoneNumber phone);

    /**
     * Reserves one dial of each number at {@code now} as {@link FrequencyCap#decide} decides, each
     * number atomically (a row per account and number, locked while deciding): a number allowed
     * gets {@code now} added to its recent dials; a refused one is left unchanged. Two nodes
     * reserving one number at once never both exceed the cap.
     *
     * @param account the account
     * @param phones the numbers about to be dialed, distinct, at most 1,000
     * @param cap the account's cap; not off
     * @param now the dial instant
     * @return the refused numbers, each with the instant from which a dial would be allowed
     */
    Map<PhoneNumber, Instant> reserveDials(AccountId account, List<PhoneNumber> phones, FrequencyCap cap,
            Instant now);

    /**
     * Erases a number from every batch of the account in one unit of work: each recipient with it
     * gets the placeholder number {@link io.batchcall.policy.NumberHash#erasedPlaceholder}, an
     * empty name, no variables, no zone, no reason (a pending one becomes skipped, reason
     * {@code erased}, with an event); its attempts get the placeholder number and no reason; its
     * events lose their detail; its recent-dial row is deleted. A suppression entry keeps only its
     * hash, source and time (its reason becomes {@code erased}: the host's text may name the person). Counts, costs and the ledger are unchanged.
     *
     * @param account the account
     * @param phone the number
     * @param at when the erasure happened
     * @return what was erased
     */
    Erasure erase(AccountId account, PhoneNumber phone, Instant at);

    /**
     * Deletes events and attempts (not awaiting settlement) of batches that finished (completed,
     * cancelled or failed) before {@code finishedBefore}, doing at most about {@code limit} units of
     * work (rows deleted, or recipients whose attempts were examined) in one short unit of work.
     * The caller repeats until it returns 0. Batches, recipients, counts and costs of the ledger stay.
     *
     * @param finishedBefore the exclusive upper bound on the batch's finish time
     * @param limit the most work in this call, at least 1
     * @return the work done, at most {@code limit}; 0 only when nothing is left to purge
     */
    int purge(Instant finishedBefore, int limit);
}
