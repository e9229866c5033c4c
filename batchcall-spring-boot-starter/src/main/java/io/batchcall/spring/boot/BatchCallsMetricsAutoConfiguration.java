package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import io.batchcall.micrometer.BatchCallsMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * batchcall's Micrometer meters, when batchcall-micrometer and Micrometer are on the classpath.
 * The {@link BatchCallsMetrics} bean is an engine observer (picked up by the {@code BatchCalls}
 * bean) and a {@code MeterBinder} (bound by Boot to every registry); once the context is ready it
 * watches the engine's stats for its gauges.
 */
@AutoConfiguration(beforeName = "io.batchcall.spring.boot.BatchCallsAutoConfiguration")
@ConditionalOnClass(name = {"io.batchcall.micrometer.BatchCallsMetrics", "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnProperty(prefix = "batchcall", name = {"enabled", "metrics.enabled"}, havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(BatchCallsProperties.class)
public class BatchCallsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BatchCallsMetrics batchCallsMetrics(BatchCallsProperties props) {
        return BatchCallsMetrics.builder().accountTags(props.getMetrics().getAccountTags())
                .refreshEvery(props.getMetrics().getRefreshEvery()).build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "batchCallsMetricsWatch")
    SmartInitializingSingleton batchCallsMetricsWatch(BatchCallsMetrics metrics, ObjectProvider<BatchCalls> calls) {
        return () -> calls.ifUnique(c -> metrics.watch(c.stats()));
    }
}
