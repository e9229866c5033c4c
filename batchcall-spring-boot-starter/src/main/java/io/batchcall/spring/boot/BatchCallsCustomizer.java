package io.batchcall.spring.boot;

import io.batchcall.BatchCallsBuilder;

/**
 * Changes the engine's settings beyond the {@code batchcall.*} properties (claim chunk, retry
 * back-off, a host executor...). Every customizer bean is applied, in {@code @Order}, after the
 * properties and before {@code build()}.
 */
@FunctionalInterface
public interface BatchCallsCustomizer {
    /**
     * Applies this customizer's settings.
     *
     * @param builder the engine builder, with the properties already applied; do not call {@code build()}
     */
    void customize(BatchCallsBuilder builder);
}
