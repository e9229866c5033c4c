/**
 * The HTTP/JSON face of batchcall, free of any web framework: {@link io.batchcall.api.BatchCallsApi}
 * turns an {@link io.batchcall.api.ApiRequest} of an already-authenticated account into an
 * {@link io.batchcall.api.ApiResponse}; {@link io.batchcall.api.JdkHttpHandler} mounts it in the
 * JDK's HTTP server. Everything in {@code io.batchcall.api.internal} is implementation and may
 * change without notice.
 */
package io.batchcall.api;
