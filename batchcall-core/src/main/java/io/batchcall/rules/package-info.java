/**
 * The rules that decide every change of a call attempt and its recipient: pure, total functions
 * from the rows as loaded to the change to write. Storage adapters load rows, call these
 * functions, and apply the result "if the row is still as loaded"; they never decide a rule
 * themselves. A store may keep a faster single-statement path, which the testkit's model
 * contract checks against these functions. {@link io.batchcall.rules.AttemptRules} decides the
 * carrier-driven transitions (who answered included), {@link io.batchcall.rules.OutcomeRules} the
 * host-reported ones (dispositions, call backs), and {@link io.batchcall.rules.RetryRules} when an
 * ended attempt is dialed again.
 *
 * <p>Public API for adapter authors; hosts do not need it.
 */
package io.batchcall.rules;
