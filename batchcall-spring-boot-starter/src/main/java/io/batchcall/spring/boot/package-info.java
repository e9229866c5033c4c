/**
 * Spring Boot auto-configuration for batchcall. API for hosts: {@link
 * io.batchcall.spring.boot.BatchCallsProperties} (the {@code batchcall.*} properties) and {@link
 * io.batchcall.spring.boot.BatchCallsCustomizer}. The auto-configuration classes are listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; each
 * bean backs off when the application defines its own of the same type.
 */
package io.batchcall.spring.boot;
