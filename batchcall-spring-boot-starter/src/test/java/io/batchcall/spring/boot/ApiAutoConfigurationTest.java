package io.batchcall.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.api.BatchCallsApi;
import io.batchcall.model.AccountId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The HTTP API: mounted when batchcall-api is present, with the host's account resolver. */
class ApiAutoConfigurationTest {
    private static final AutoConfigurations ALL = AutoConfigurations.of(BatchCallsAutoConfiguration.class,
            BatchCallsApiAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL)
            .withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
            .withPropertyValues("batchcall.auto-start=false");

    @Test
    void theApiIsMountedAtItsPathAndScopedToTheResolvedAccount() {
        web.withPropertyValues("batchcall.api.path=/calls/api/*").run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(BatchCallsApi.class);
            @SuppressWarnings("unchecked")
            ServletRegistrationBean<BatchCallsApiServlet> reg = ctx.getBean("batchCallsApiServlet",
                    ServletRegistrationBean.class);
            assertThat(reg.getUrlMappings()).containsExactly("/calls/api/*");
            BatchCallsApiServlet servlet = reg.getServlet();

            MockHttpServletRequest create = new MockHttpServletRequest("POST", "/calls/api/batches");
            create.setPathInfo("/batches");
            create.setAttribute(BatchCallsAccountResolver.ATTRIBUTE, "clinic-7");
            create.setContentType("application/json");
            create.addHeader("Content-Type", "application/json");
            create.setContent(("{\"name\":\"Reminders\",\"caller_id\":\"+14155552000\",\"timezone\":\"UTC\","
                    + "\"draft\":true}").getBytes(StandardCharsets.UTF_8));
            MockHttpServletResponse created = new MockHttpServletResponse();
            servlet.service(create, created);
            assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);

            MockHttpServletRequest list = new MockHttpServletRequest("GET", "/calls/api/batches");
            list.setPathInfo("/batches");
            list.setAttribute(BatchCallsAccountResolver.ATTRIBUTE, AccountId.of("other-account"));
            MockHttpServletResponse others = new MockHttpServletResponse();
            servlet.service(list, others);
            assertThat(others.getStatus()).isEqualTo(200);
            assertThat(others.getContentAsString()).doesNotContain("Reminders");

            MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/calls/api/batches");
            anonymous.setPathInfo("/batches");
            MockHttpServletResponse refused = new MockHttpServletResponse();
            servlet.service(anonymous, refused);
            assertThat(refused.getStatus()).isEqualTo(401);
        });
    }

    @Test
    void theHostsResolverAndApiWinAndTheApiCanBeSwitchedOff() {
        web.withUserConfiguration(HostResolver.class).run(ctx -> assertThat(ctx.getBean(
                BatchCallsAccountResolver.class)).isSameAs(ctx.getBean(HostResolver.class).resolver));
        web.withPropertyValues("batchcall.api.enabled=false").run(ctx -> assertThat(ctx)
                .doesNotHaveBean(BatchCallsApi.class).doesNotHaveBean("batchCallsApiServlet"));
        web.withClassLoader(new FilteredClassLoader(BatchCallsApi.class)).run(ctx -> assertThat(ctx)
                .hasNotFailed().doesNotHaveBean("batchCallsApiServlet"));
        new ApplicationContextRunner().withConfiguration(ALL)
                .withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
                .withPropertyValues("batchcall.auto-start=false").run(ctx -> assertThat(ctx).hasNotFailed()
                        .hasSingleBean(BatchCallsApi.class).doesNotHaveBean("batchCallsApiServlet"));
        web.withPropertyValues("batchcall.api.path=/no-star").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("batchcall.api.path"));
    }

    @Configuration(proxyBeanMethods = false)
    static class HostResolver {
        final BatchCallsAccountResolver resolver = request -> AccountId.of("from-security");

        @Bean
        BatchCallsAccountResolver hostResolver() {
            return resolver;
        }
    }
}
