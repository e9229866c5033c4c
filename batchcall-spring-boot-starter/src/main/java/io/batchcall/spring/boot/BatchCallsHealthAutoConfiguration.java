package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code batchCalls} health indicator, when Spring Boot's health support (Actuator) is on the
 * classpath; {@code management.health.batchcall.enabled=false} turns it off.
 */
@AutoConfiguration(after = BatchCallsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@EnableConfigurationProperties(BatchCallsProperties.class)
public class BatchCallsHealthAutoConfiguration {

    /** Nested, so that its health-module annotation is read only when that module is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(BatchCalls.class)
    @ConditionalOnEnabledHealthIndicator("batchcall")
    static class Indicator {
        @Bean
        @ConditionalOnMissingBean(name = "batchCallsHealthIndicator")
        BatchCallsHealthIndicator batchCallsHealthIndicator(BatchCalls calls,
                ObjectProvider<BatchCallsLifecycle> lifecycle, BatchCallsProperties props) {
            return new BatchCallsHealthIndicator(calls, () -> {
                BatchCallsLifecycle l = lifecycle.getIfAvailable();
                return l != null && l.isRunning();
            }, props.getHealth().getMaxStepAge());
        }
    }
}
