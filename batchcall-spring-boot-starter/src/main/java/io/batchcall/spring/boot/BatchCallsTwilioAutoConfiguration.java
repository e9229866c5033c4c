package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import io.batchcall.spi.Telephony;
import io.batchcall.twilio.TwilioStatusCallbacks;
import io.batchcall.twilio.TwilioTelephony;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Twilio as the carrier, when batchcall-twilio-adapter is on the classpath and
 * {@code batchcall.twilio.account-sid} is set: the {@link Telephony} bean, the status-callback
 * handler feeding the engine, and (in a servlet web application) the callback endpoint at
 * {@code batchcall.twilio.callback-path}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.batchcall.twilio.TwilioTelephony")
@ConditionalOnBooleanProperty(name = "batchcall.enabled", matchIfMissing = true)
@ConditionalOnProperty("batchcall.twilio.account-sid")
@EnableConfigurationProperties(BatchCallsProperties.class)
public class BatchCallsTwilioAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Telephony.class)
    TwilioTelephony batchCallsTelephony(BatchCallsProperties props, ObjectProvider<Clock> clock) {
        BatchCallsProperties.Twilio t = props.getTwilio();
        return TwilioTelephony.builder(t.getAccountSid(), t.getAuthToken(), t.statusCallbackUrl(), t.getAnswerUrl())
                .requestTimeout(t.getRequestTimeout()).clock(clock.getIfAvailable(Clock::systemUTC)).build();
    }

    /** The engine is looked up on each callback, so this bean does not wait for it. */
    @Bean
    @ConditionalOnMissingBean
    TwilioStatusCallbacks batchCallsTwilioCallbacks(BatchCallsProperties props, ObjectProvider<BatchCalls> calls,
            ObjectProvider<Clock> clock) {
        return TwilioStatusCallbacks.create(props.getTwilio().getAccountSid(), props.getTwilio().getAuthToken(),
                update -> calls.getObject().statusSink().onCallStatus(update), clock.getIfAvailable(Clock::systemUTC));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
    static class Endpoint {
        @Bean
        @ConditionalOnMissingBean(name = "batchCallsTwilioCallbackServlet")
        ServletRegistrationBean<TwilioCallbackServlet> batchCallsTwilioCallbackServlet(
                TwilioStatusCallbacks callbacks, BatchCallsProperties props) {
            ServletRegistrationBean<TwilioCallbackServlet> reg = new ServletRegistrationBean<>(
                    new TwilioCallbackServlet(callbacks, props.getTwilio().statusCallbackUrl()),
                    props.getTwilio().getCallbackPath());
            reg.setName("batchCallsTwilioCallbacks");
            return reg;
        }
    }
}
