package io.batchcall.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.micrometer.BatchCallsMetrics;
import io.batchcall.spi.Telephony;
import io.batchcall.twilio.TwilioStatusCallbacks;
import io.batchcall.twilio.TwilioTelephony;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics, health and Twilio: on when their library is present, off when absent, backing off to the host's beans. */
class OptionalPiecesTest {
    private static final AutoConfigurations ALL = AutoConfigurations.of(BatchCallsTwilioAutoConfiguration.class,
            BatchCallsMetricsAutoConfiguration.class, BatchCallsAutoConfiguration.class,
            BatchCallsHealthAutoConfiguration.class, MetricsAutoConfiguration.class);
    private static final String[] TWILIO = {"batchcall.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "batchcall.twilio.auth-token=secret", "batchcall.twilio.callback-base-url=https://calls.example.com/",
        "batchcall.twilio.answer-url=https://calls.example.com/twiml/answer"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL)
            .withUserConfiguration(TestBeans.H2.class).withPropertyValues("batchcall.auto-start=false");

    @Test
    void metricsAreBoundToTheRegistryWhenMicrometerIsPresent() {
        runner.withUserConfiguration(TestBeans.Carrier.class, Registry.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(BatchCallsMetrics.class);
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            assertThat(registry.find("batchcall.dials").counter()).isNotNull();
            assertThat(registry.find("batchcall.calls.active").gauge()).as("gauges watch the engine").isNotNull();
            ctx.getBean(BatchCalls.class).runOnce();
            assertThat(registry.get("batchcall.engine.steps").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void noMetricsWithoutMicrometerOrTheBinderModule() {
        runner.withUserConfiguration(TestBeans.Carrier.class).withClassLoader(new FilteredClassLoader(
                "io.micrometer.core")).run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(BatchCallsMetrics.class).hasSingleBean(BatchCalls.class));
        runner.withUserConfiguration(TestBeans.Carrier.class).withClassLoader(new FilteredClassLoader(
                BatchCallsMetrics.class)).run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(BatchCallsMetrics.class).hasSingleBean(BatchCalls.class));
        runner.withUserConfiguration(TestBeans.Carrier.class).withPropertyValues("batchcall.metrics.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(BatchCallsMetrics.class));
    }

    @Test
    void metricsBackOffToTheHostsBinder() {
        runner.withUserConfiguration(TestBeans.Carrier.class, Registry.class, OwnMetrics.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(BatchCallsMetrics.class);
            assertThat(ctx.getBean(BatchCallsMetrics.class)).isSameAs(ctx.getBean("myMetrics"));
        });
    }

    @Test
    void healthIndicatorReportsTheEngine() {
        runner.withUserConfiguration(TestBeans.Carrier.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasBean("batchCallsHealthIndicator");
            HealthIndicator indicator = ctx.getBean("batchCallsHealthIndicator", HealthIndicator.class);
            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP); // engine not started: no step is due
            assertThat(health.getDetails()).containsEntry("storeReachable", true)
                    .containsEntry("engineRunning", false);
        });
    }

    @Test
    void noHealthIndicatorWithoutBootsHealthSupportOrWhenTurnedOff() {
        runner.withUserConfiguration(TestBeans.Carrier.class)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("batchCallsHealthIndicator"));
        runner.withUserConfiguration(TestBeans.Carrier.class)
                .withPropertyValues("management.health.batchcall.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("batchCallsHealthIndicator"));
    }

    @Test
    void twilioBecomesTheCarrierWhenConfigured() {
        runner.withPropertyValues(TWILIO).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(TwilioTelephony.class).hasSingleBean(TwilioStatusCallbacks.class)
                    .hasSingleBean(BatchCalls.class);
            assertThat(ctx).doesNotHaveBean(ServletRegistrationBean.class); // not a web application
        });
    }

    @Test
    void twilioBacksOffToTheHostsCarrier() {
        runner.withUserConfiguration(TestBeans.Carrier.class).withPropertyValues(TWILIO).run(ctx -> {
            assertThat(ctx).hasNotFailed().doesNotHaveBean(TwilioTelephony.class).hasSingleBean(Telephony.class);
            assertThat(ctx).hasSingleBean(TwilioStatusCallbacks.class);
        });
    }

    @Test
    void withoutTheTwilioAdapterTheTwilioPropertiesDoNothing() {
        runner.withPropertyValues(TWILIO).withClassLoader(new FilteredClassLoader("io.batchcall.twilio"))
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("batchcall needs one Telephony bean"));
    }

    @Test
    void theCallbackEndpointIsMountedInAServletApplication() {
        new WebApplicationContextRunner().withConfiguration(ALL).withUserConfiguration(TestBeans.H2.class)
                .withPropertyValues("batchcall.auto-start=false", "batchcall.twilio.callback-path=/hooks/twilio")
                .withPropertyValues(TWILIO).run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    ServletRegistrationBean<?> reg = ctx.getBean("batchCallsTwilioCallbackServlet",
                            ServletRegistrationBean.class);
                    assertThat(reg.getUrlMappings()).containsExactly("/hooks/twilio");
                    assertThat(reg.getServlet()).isInstanceOf(TwilioCallbackServlet.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetrics {
        @Bean
        BatchCallsMetrics myMetrics() {
            return BatchCallsMetrics.builder().accountTags(5).build();
        }
    }
}
