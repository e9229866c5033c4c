package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import io.batchcall.api.BatchCallsApi;
import io.batchcall.model.AccountId;
import io.batchcall.spi.Storage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP/JSON API of {@code batchcall-api}, when it is on the classpath: the handler as a bean on
 * the engine and its storage's event log, and, in a servlet application, mounted at
 * {@code batchcall.api.path} (default {@code /batchcall/api/*}). Which account a request belongs
 * to comes from the host's {@link BatchCallsAccountResolver}. Every bean backs off to the host's.
 */
@AutoConfiguration(after = BatchCallsAutoConfiguration.class)
@ConditionalOnClass(name = "io.batchcall.api.BatchCallsApi")
@ConditionalOnProperty(prefix = "batchcall.api", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BatchCallsApiAutoConfiguration {

    /** The API handler on the engine and the storage's event log. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean({BatchCalls.class, Storage.class})
    BatchCallsApi batchCallsApi(BatchCalls calls, Storage storage) {
        return BatchCallsApi.builder(calls, storage.events()).build();
    }

    /** The default account resolver: the request attribute the host's filter sets. */
    @Bean
    @ConditionalOnMissingBean
    BatchCallsAccountResolver batchCallsAccountResolver() {
        return request -> {
            Object value = request.getAttribute(BatchCallsAccountResolver.ATTRIBUTE);
            if (value instanceof AccountId id) {
                return id;
            }
            return value instanceof String text && !text.isBlank() ? AccountId.of(text) : null;
        };
    }

    /** In a servlet application: the handler mounted (conditions as the handler's, evaluated first). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
    @ConditionalOnBean({BatchCalls.class, Storage.class})
    static class Endpoint {
        @Bean
        @ConditionalOnMissingBean(name = "batchCallsApiServlet")
        ServletRegistrationBean<BatchCallsApiServlet> batchCallsApiServlet(BatchCallsApi api,
                BatchCallsAccountResolver accounts, BatchCallsProperties props) {
            ServletRegistrationBean<BatchCallsApiServlet> reg = new ServletRegistrationBean<>(
                    new BatchCallsApiServlet(api, accounts), props.getApi().getPath());
            reg.setName("batchCallsApiServlet");
            reg.setAsyncSupported(true);
            return reg;
        }
    }
}
