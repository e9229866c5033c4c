package io.batchcall.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.csv.ImportOptions;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class BatchCallsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BatchCallsAutoConfiguration.class))
            .withPropertyValues("batchcall.auto-start=false");

    @Test
    void buildsTheEngineOnTheApplicationsDataSource() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(JdbcStorage.class).hasSingleBean(JdbcCreditLedger.class)
                    .hasSingleBean(BatchCalls.class).hasSingleBean(BatchCallsLifecycle.class)
                    .hasSingleBean(ImportOptions.class);
            assertThat(ctx.getBean(JdbcStorage.class).dialect()).isEqualTo(io.batchcall.jdbc.Dialect.H2);
            assertThat(ctx.getBean(BatchCalls.class).health().storeReachable()).isTrue();
            assertThat(ctx.getBean(BatchCallsLifecycle.class).isRunning()).isFalse();
        });
    }

    @Test
    void theEngineStartsAndStopsWithTheContext() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
                .withPropertyValues("batchcall.auto-start=true", "batchcall.poll-interval=50ms").run(ctx -> {
                    BatchCallsLifecycle lifecycle = ctx.getBean(BatchCallsLifecycle.class);
                    assertThat(lifecycle.isRunning()).isTrue();
                    assertThat(lifecycle.getPhase()).isGreaterThan(
                            org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 1024);
                    ctx.stop();
                    assertThat(lifecycle.isRunning()).isFalse();
                });
    }

    @Test
    void withoutACarrierTheFailureSaysWhatToConfigure() {
        runner.withUserConfiguration(TestBeans.H2.class).run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("batchcall needs one Telephony bean")
                .hasMessageContaining("batchcall.twilio.account-sid"));
    }

    @Test
    void withoutADataSourceNothingIsBuilt() {
        runner.withUserConfiguration(TestBeans.Carrier.class).run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(Storage.class).doesNotHaveBean(BatchCalls.class));
    }

    @Test
    void turnedOffByProperty() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
                .withPropertyValues("batchcall.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(BatchCalls.class)
                        .doesNotHaveBean(Storage.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnStorageAndLedger() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class, OwnPorts.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().doesNotHaveBean(JdbcStorage.class).doesNotHaveBean(JdbcCreditLedger.class);
            assertThat(ctx.getBean(Storage.class)).isInstanceOf(InMemoryStorage.class);
            assertThat(ctx.getBean(CreditLedger.class)).isInstanceOf(InMemoryCreditLedger.class);
            assertThat(ctx).hasSingleBean(BatchCalls.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnEngine() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class, OwnEngine.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(BatchCalls.class);
            assertThat(ctx).getBean("myCalls").isSameAs(ctx.getBean(BatchCalls.class));
            assertThat(ctx).getBean(ImportOptions.class).isSameAs(ctx.getBean("myOptions"));
        });
    }

    @Test
    void propertiesReachTheStoreAndTheEngine() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
                .withPropertyValues("batchcall.jdbc.table-prefix=app_bc_", "batchcall.node-name=node-7",
                        "batchcall.default-region=gb", "batchcall.poll-interval=250ms", "batchcall.dial-threads=3",
                        "batchcall.lease=30s", "batchcall.jdbc.durable-intermediate-statuses=true")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    BatchCallsProperties p = ctx.getBean(BatchCallsProperties.class);
                    assertThat(p.getJdbc().isDurableIntermediateStatuses()).isTrue();
                    assertThat(p.getPollInterval()).hasMillis(250);
                    assertThat(p.getDialThreads()).isEqualTo(3);
                    assertThat(p.getLease()).hasSeconds(30);
                    assertThat(ctx.getBean(ImportOptions.class).defaultRegion()).isEqualTo("GB");
                    try (Connection c = ctx.getBean(DataSource.class).getConnection();
                            ResultSet rs = c.getMetaData().getTables(null, null, "APP_BC_BATCHES", null)) {
                        assertThat(rs.next()).as("table app_bc_batches exists").isTrue();
                    }
                });
    }

    @Test
    void withoutMigrationsAnEmptyDatabaseIsRefusedByName() {
        runner.withUserConfiguration(TestBeans.H2.class, TestBeans.Carrier.class)
                .withPropertyValues("batchcall.jdbc.migrate-on-start=false")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .isInstanceOf(io.batchcall.jdbc.SchemaVersionException.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPorts {
        @Bean
        Storage storage() {
            return InMemoryStorage.create();
        }

        @Bean
        CreditLedger ledger() {
            return InMemoryCreditLedger.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean
        BatchCalls myCalls(io.batchcall.spi.Telephony telephony) {
            return BatchCalls.builder(InMemoryStorage.create(), telephony, InMemoryCreditLedger.create()).build();
        }

        @Bean
        ImportOptions myOptions() {
            return ImportOptions.ofDefaults();
        }
    }
}
