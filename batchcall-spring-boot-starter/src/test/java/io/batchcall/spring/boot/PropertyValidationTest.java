package io.batchcall.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A bad property stops start-up with a message naming the property, the rule and the value. */
class PropertyValidationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BatchCallsAutoConfiguration.class))
            .withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
            .withPropertyValues("batchcall.auto-start=false");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batchcall.poll-interval=5ms | batchcall.poll-interval must be between 10ms and 1m, but was 5ms",
        "batchcall.lease=2h | batchcall.lease must be between 10s and 1h, but was 2h",
        "batchcall.dial-threads=0 | batchcall.dial-threads must be between 1 and 256, but was 0",
        "batchcall.calls-per-second=-1 | batchcall.calls-per-second must be between 0 and 1000, but was -1.0",
        "batchcall.node-name=a b | batchcall.node-name must be 1-64 characters of letters, digits and . _ -, but was 'a b'",
        "batchcall.default-region=XX | batchcall.default-region: defaultRegion must be an ISO 3166 region code",
        "batchcall.jdbc.table-prefix=Bad- | batchcall.jdbc.table-prefix must be empty or 1-30 lower-case letters",
        "batchcall.metrics.account-tags=500 | batchcall.metrics.account-tags must be between 0 and 100, but was 500",
        "batchcall.shutdown-wait=11m | batchcall.shutdown-wait must be between 0 and 10m, but was 11m",
    })
    void aBadValueIsRefusedWithThePropertysName(String property, String message) {
        runner.withPropertyValues(property).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining(message);
        });
    }

    @Test
    void aValueOfTheWrongTypeNamesTheProperty() {
        runner.withPropertyValues("batchcall.poll-interval=soon").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under 'batchcall.poll-interval'");
        });
    }

    @Test
    void twilioSettingsAreCheckedTogether() {
        runner.withPropertyValues("batchcall.twilio.account-sid=AC123").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("batchcall.twilio.account-sid must be 'AC' followed by 32 hex digits, "
                            + "but was 'AC123'")
                    .hasMessageContaining("batchcall.twilio.auth-token must be set when batchcall.twilio.account-sid is")
                    .hasMessageContaining("batchcall.twilio.callback-base-url must be an absolute http(s) URL")
                    .hasMessageContaining("batchcall.twilio.answer-url must be an absolute http(s) URL");
        });
    }

    @Test
    void thePropertyNamesFollowBootsKebabCase() {
        assertThat(BatchCallsProperties.property("metrics.accountTags")).isEqualTo("batchcall.metrics.account-tags");
        assertThat(BatchCallsProperties.property("twilio.callbackBaseUrl"))
                .isEqualTo("batchcall.twilio.callback-base-url");
    }
}
