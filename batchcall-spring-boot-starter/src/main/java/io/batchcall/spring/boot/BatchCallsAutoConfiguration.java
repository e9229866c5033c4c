package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import io.batchcall.BatchCallsBuilder;
import io.batchcall.csv.ImportOptions;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.Tariff;
import io.batchcall.spi.BatchListener;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.DialGuard;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.Storage;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine: JDBC storage and credit ledger on the application's DataSource (PostgreSQL or H2,
 * detected), {@link BatchCalls} built from the {@code batchcall.*} properties and the
 * application's optional beans ({@link Telephony} — required unless the Twilio carrier is
 * configured —, {@link Clock}, {@link Tariff}, {@link DialGuard}, {@link BatchListener}s,
 * {@link EngineObserver}s, {@link BatchCallsCustomizer}s), and a lifecycle that starts and stops
 * the engine with the context.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "io.batchcall.spring.boot.BatchCallsTwilioAutoConfiguration"})
@ConditionalOnProperty(prefix = "batchcall", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BatchCallsProperties.class)
public class BatchCallsAutoConfiguration {

    /** Storage and ledger on the single DataSource of the application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcConfiguration {
        @Bean
        @ConditionalOnMissingBean(Storage.class)
        JdbcStorage batchCallsStorage(DataSource dataSource, BatchCallsProperties props, ObjectProvider<Clock> clock) {
            JdbcStorage.Builder b = JdbcStorage.builder(dataSource).clock(clock.getIfAvailable(Clock::systemUTC))
                    .tablePrefix(props.getJdbc().getTablePrefix()).migrate(props.getJdbc().isMigrateOnStart())
                    .durableIntermediateStatuses(props.getJdbc().isDurableIntermediateStatuses());
            if (props.getJdbc().getDialect() != null) {
                b.dialect(props.getJdbc().getDialect());
            }
            return b.build();
        }

        @Bean
        @ConditionalOnMissingBean(CreditLedger.class)
        JdbcCreditLedger batchCallsCreditLedger(DataSource dataSource, BatchCallsProperties props,
                ObjectProvider<Clock> clock) {
            JdbcCreditLedger.Builder b = JdbcCreditLedger.builder(dataSource)
                    .clock(clock.getIfAvailable(Clock::systemUTC)).tablePrefix(props.getJdbc().getTablePrefix())
                    .migrate(props.getJdbc().isMigrateOnStart());
            if (props.getJdbc().getDialect() != null) {
                b.dialect(props.getJdbc().getDialect());
            }
            return b.build();
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ImportOptions batchCallsImportOptions(BatchCallsProperties props) {
        return ImportOptions.custom().defaultRegion(props.getDefaultRegion()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({Storage.class, CreditLedger.class})
    BatchCalls batchCalls(Storage storage, CreditLedger ledger, ObjectProvider<Telephony> telephony,
            BatchCallsProperties props, ObjectProvider<Clock> clock, ObjectProvider<Tariff> tariff,
            ObjectProvider<DialGuard> guard, ObjectProvider<BatchListener> listeners,
            ObjectProvider<EngineObserver> observers, ObjectProvider<BatchCallsCustomizer> customizers) {
        Telephony carrier = telephony.getIfUnique(() -> {
            throw new IllegalStateException("batchcall needs one Telephony bean: set batchcall.twilio.account-sid, "
                    + "batchcall.twilio.auth-token, batchcall.twilio.callback-base-url and batchcall.twilio.answer-url "
                    + "with batchcall-twilio-adapter on the classpath, or define a Telephony bean");
        });
        BatchCallsBuilder b = BatchCalls.builder(storage, carrier, ledger)
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .pollInterval(props.getPollInterval()).eventInterval(props.getEventInterval())
                .dialThreads(props.getDialThreads()).lease(props.getLease()).shutdownWait(props.getShutdownWait())
                .callsPerSecond(props.getCallsPerSecond());
        if (props.getNodeName() != null) {
            b.nodeName(props.getNodeName());
        }
        tariff.ifAvailable(b::tariff);
        guard.ifAvailable(b::dialGuard);
        listeners.orderedStream().forEach(b::listener);
        observers.orderedStream().forEach(b::observer);
        customizers.orderedStream().forEach(c -> c.customize(b));
        return b.build();
    }

    @Bean
    @ConditionalOnBean(BatchCalls.class)
    @ConditionalOnMissingBean(BatchCallsLifecycle.class)
    BatchCallsLifecycle batchCallsLifecycle(BatchCalls calls, BatchCallsProperties props) {
        return new BatchCallsLifecycle(calls, props.isAutoStart());
    }
}
