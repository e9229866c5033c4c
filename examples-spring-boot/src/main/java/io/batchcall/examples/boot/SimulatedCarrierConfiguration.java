package io.batchcall.examples.boot;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example's carrier: batchcall's simulated one, with short calls so a campaign ends in
 * seconds. A real application sets {@code batchcall.twilio.*} instead and drops this class.
 */
@Configuration(proxyBeanMethods = false)
public class SimulatedCarrierConfiguration {

    @Bean
    SimulatedTelephony simulatedCarrier() {
        SimulationSettings quick = SimulationSettings.ofDefaults().withRing(Duration.ofMillis(200),
                Duration.ofMillis(800)).withTalk(Duration.ofMillis(500), Duration.ofSeconds(2));
        return new SimulatedTelephony(Clock.systemUTC(), quick);
    }

    /** Status updates go back to the engine, as a carrier's webhooks would. */
    @Bean
    SmartInitializingSingleton simulatedCarrierConnection(SimulatedTelephony carrier, BatchCalls calls) {
        return () -> {
            carrier.connect(calls.statusSink());
            carrier.start(Duration.ofMillis(50));
        };
    }
}
