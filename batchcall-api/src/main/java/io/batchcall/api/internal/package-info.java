/**
 * Implementation of the HTTP API: routing, JSON views, validation, the event stream. Not API: reach
 * it through {@link io.batchcall.api.BatchCallsApi}.
 */
package io.batchcall.api.internal;
