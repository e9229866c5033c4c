package io.batchcall.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.jdbc.Dialect;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.testkit.postgres.PostgresExtension;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** The example application on the embedded PostgreSQL: the same campaign and shutdown, read from the registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import({SlowCarrier.Config.class, PostgresExampleApplicationTest.Database.class})
class PostgresExampleApplicationTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Autowired
    ConfigurableApplicationContext ctx;
    @Autowired
    CampaignService campaigns;
    @Autowired
    BatchCalls calls;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcStorage storage;

    @Test
    @DirtiesContext // the engine is stopped by the test
    void runsACampaignOnPostgresAndShutsDownCleanly() {
        assertThat(storage.dialect()).isEqualTo(Dialect.POSTGRESQL);
        CampaignScenario.runsToCompletion(campaigns, calls, registry);
        CampaignScenario.shutsDownWithoutLosingAnInFlightCall(ctx, PG.database().dataSource());
    }

    /** The test database instead of the application's H2 (the host's DataSource, as in production). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "")
        DataSource dataSource() {
            return PG.database().dataSource();
        }
    }
}
