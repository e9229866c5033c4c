/**
 * The credit ledger's rules, for adapter authors: what a hold, a capture, a release and a top-up
 * do to an account's {@link io.batchcall.credit.Purse} in one currency and to the stored
 * {@link io.batchcall.credit.HoldState} of one hold key, as pure functions in
 * {@link io.batchcall.credit.CreditRules}.
 *
 * <p>Every {@link io.batchcall.spi.CreditLedger} adapter loads the purse and the key's state,
 * calls the rule, and stores the {@link io.batchcall.credit.Decision} it returns ("if the purse
 * and the key are still as loaded") — it never re-decides. The rules are exactly the
 * specification in the {@code CreditLedger} javadoc: idempotent by key, the available balance
 * never below zero, a capture without an open hold charged from the available balance, a
 * repeated capture answering the first result, a release after a capture doing nothing.
 *
 * <p>Everything here is an immutable value or a pure, total function: no clock, no I/O, no
 * shared state, safe from any thread. An operation the rules refuse (a closed key held again, a
 * currency mismatch, a zero top-up) comes back as a {@link io.batchcall.credit.Refusal} that the
 * adapter throws; invalid arguments (null, an empty key) are rejected with an exception at once.
 * This package is public API.
 */
package io.batchcall.credit;
