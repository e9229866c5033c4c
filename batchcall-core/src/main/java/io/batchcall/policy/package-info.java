/**
 * Contact policy: the rules that decide, on top of each batch's own window, whether a person may
 * be called at all: the calling-hours floor ({@link io.batchcall.policy.CallingHours}, made of
 * {@link io.batchcall.policy.HoursRule}s), account blackout dates, and frequency caps across
 * batches ({@link io.batchcall.policy.FrequencyCap}). Everything here is a pure function of its
 * arguments; the engine asks a {@link io.batchcall.spi.ContactPolicyProvider} for each account's
 * {@link io.batchcall.policy.ContactPolicy} and stores apply what these rules decide.
 *
 * <p>Public API.
 */
package io.batchcall.policy;
