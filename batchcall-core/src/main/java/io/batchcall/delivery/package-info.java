/**
 * Delivery the host can rely on: durable subscriptions to an account's event log and signed
 * webhooks built on them.
 *
 * <p>API: {@link io.batchcall.delivery.EventHandler}, {@link io.batchcall.delivery.StartAt},
 * {@link io.batchcall.delivery.DeliverySettings}, {@link io.batchcall.delivery.DeadLetter},
 * {@link io.batchcall.delivery.Webhook}, and for receivers {@link io.batchcall.delivery.WebhookSignature}.
 * The rules are pure functions here too ({@link io.batchcall.delivery.LeaseRules},
 * {@link io.batchcall.delivery.DeliveryRules}, {@link io.batchcall.delivery.WebhookUrls}); the
 * {@code internal} sub-package runs them and is not API.
 */
package io.batchcall.delivery;
