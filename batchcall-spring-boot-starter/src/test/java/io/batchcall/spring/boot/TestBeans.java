package io.batchcall.spring.boot;

import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a host application provides: a DataSource (a fresh in-memory H2) and, for most tests, a carrier. */
final class TestBeans {
    private TestBeans() {
    }

    @Configuration(proxyBeanMethods = false)
    static class H2 {
        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return ds;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Carrier {
        @Bean
        Telephony telephony() {
            return new SimulatedTelephony(Clock.systemUTC(), SimulationSettings.ofDefaults());
        }
    }
}
