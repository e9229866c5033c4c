package io.batchcall.spring.boot;

import io.batchcall.BatchCalls;
import io.batchcall.EngineHealth;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The engine's health: DOWN when the database does not answer or, while the engine runs, no step
 * has succeeded within {@code batchcall.health.max-step-age}; OUT_OF_SERVICE when the carrier
 * refused a batch (credentials, from-number) in the last 15 minutes, which a restart does not
 * cure; else UP. Details: last successful step, last step error, store and carrier figures.
 */
final class BatchCallsHealthIndicator extends AbstractHealthIndicator {
    private final BatchCalls calls;
    private final BooleanSupplier engineRunning;
    private final Duration maxStepAge;

    BatchCallsHealthIndicator(BatchCalls calls, BooleanSupplier engineRunning, Duration maxStepAge) {
        super("batchcall health check failed");
        this.calls = calls;
        this.engineRunning = engineRunning;
        this.maxStepAge = maxStepAge;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EngineHealth h = calls.health();
        boolean running = engineRunning.getAsBoolean();
        if (!h.storeReachable() || (running && h.stepOverdue(maxStepAge))) {
            builder.down();
        } else if (h.recentFatalCarrierErrors() > 0) {
            builder.status(Status.OUT_OF_SERVICE);
        } else {
            builder.up();
        }
        builder.withDetail("engineRunning", running)
                .withDetail("lastSuccessfulStep", String.valueOf(h.lastSuccessfulStep()))
                .withDetail("storeReachable", h.storeReachable())
                .withDetail("recentFatalCarrierErrors", h.recentFatalCarrierErrors());
        if (h.lastStepError() != null) {
            builder.withDetail("lastStepError", h.lastStepError());
        }
        if (h.storeError() != null) {
            builder.withDetail("storeError", h.storeError());
        }
    }
}
