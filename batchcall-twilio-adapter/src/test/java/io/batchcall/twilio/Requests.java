package io.batchcall.twilio;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import io.batchcall.spi.CallRequest;
import java.time.Duration;
import java.util.Map;

/** Call requests for tests. */
final class Requests {
    static final PhoneNumber TO = PhoneNumber.of("+14155552671");
    static final PhoneNumber FROM = PhoneNumber.of("+14155552000");

    private Requests() {
    }

    static CallRequest call(long attempt, Duration ringTimeout) {
        return new CallRequest(AttemptId.of(attempt), BatchId.of(7), RecipientId.of(3), AccountId.of("acme"), TO, FROM,
                "agent", "Ada", Map.of(), ringTimeout);
    }

    static CallRequest detecting(long attempt, io.batchcall.model.MachinePolicy policy) {
        return new CallRequest(AttemptId.of(attempt), BatchId.of(7), RecipientId.of(3), AccountId.of("acme"), TO, FROM,
                "agent", "Ada", Map.of(), Duration.ofSeconds(25), policy);
    }

    static CallRequest call(long attempt) {
        return call(attempt, Duration.ofSeconds(25));
    }
}
