package io.batchcall.examples.boot;

import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.model.AttemptId;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The simulated carrier behind a slow API: each {@code place} takes 200 ms, so a shutdown can land
 * while dials are in flight. Remembers every call the carrier accepted.
 */
final class SlowCarrier implements Telephony {
    final Set<AttemptId> accepted = ConcurrentHashMap.newKeySet();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();
    private final SimulatedTelephony carrier;

    SlowCarrier(SimulatedTelephony carrier) {
        this.carrier = carrier;
    }

    @Override
    public PlacedCall place(CallRequest request) {
        inFlight.incrementAndGet();
        try {
            Thread.sleep(200); // the carrier's API latency, not a test wait
            PlacedCall placed = carrier.place(request);
            accepted.add(request.attemptId());
            return placed;
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing " + request.attemptId(), e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public Optional<CallInfo> lookup(LookupRequest request) {
        return carrier.lookup(request);
    }

    @Override
    public void hangUp(String providerCallId) {
        carrier.hangUp(providerCallId);
    }

    /** Makes the slow carrier the one the engine uses. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        SlowCarrier slowCarrier(SimulatedTelephony carrier) {
            return new SlowCarrier(carrier);
        }
    }
}
