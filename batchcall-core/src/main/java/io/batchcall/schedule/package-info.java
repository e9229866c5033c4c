/**
 * Pure scheduling rules: when a campaign may dial ({@link io.batchcall.schedule.CallWindow}) and
 * when a recurring series runs ({@link io.batchcall.schedule.Recurrence}).
 *
 * <p>Everything here is an immutable value and a pure function of its arguments: no clock is read,
 * no system time zone is consulted, and every value carries an explicit {@link java.time.ZoneId}.
 * Instants are absolute; local times and dates are wall-clock values in the value's zone. Invalid
 * arguments are rejected with an {@link IllegalArgumentException} naming the field, the rule and
 * the value.
 */
package io.batchcall.schedule;
