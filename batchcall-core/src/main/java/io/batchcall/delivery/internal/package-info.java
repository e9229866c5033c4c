/**
 * Not API: the delivery runner (leases, cursors, retries and dead letters applied through the
 * storage port), the webhook sender on the JDK's {@code HttpClient} and the event's JSON form.
 * Reached through {@link io.batchcall.BatchCalls}.
 */
package io.batchcall.delivery.internal;
