package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.schedule.CallWindow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The call-outcome fields of a stored spec: optional, absent means the default, the format number unchanged. */
class OutcomeJsonTest {
    private static BatchSpec.Builder base() {
        return BatchSpec.builder("outcomes", AccountId.of("acme"), PhoneNumber.of("+14155552000"),
                CallWindow.of("09:00", "17:00", "America/New_York"));
    }

    @Test
    void aSpecWithMachinePolicyDispositionsAndRulesReadsBackEqual() {
        RetryPolicy retry = RetryPolicy.on(Set.of(RecipientStatus.BUSY), 3, Duration.ofMinutes(5))
                .withOutcome("no_answer", OutcomeRetry.after(Duration.ofHours(1), 3).withBackoff(1.5)
                        .inNextWindowAfter(Duration.ofHours(20)))
                .withOutcome("machine", OutcomeRetry.after(Duration.ofDays(1), 2))
                .withDisposition("call_back", OutcomeRetry.after(Duration.ofHours(2), 4));
        BatchSpec spec = base().machinePolicy(MachinePolicy.LEAVE_MESSAGE).retry(retry)
                .dispositions(List.of(DispositionCode.of("confirmed"), new DispositionCode("opt_out", "Do not call", true)))
                .build();

        String json = SpecJson.write(spec);

        assertThat(json).contains("\"v\":2");
        assertThat(SpecJson.read(json)).isEqualTo(spec);
    }

    @Test
    void aSpecWithoutThemWritesNoneOfTheirFieldsAndOldDocumentsReadAsDefaults() {
        BatchSpec spec = base().retry(RetryPolicy.on(Set.of(RecipientStatus.NO_ANSWER), 2, Duration.ofMinutes(30)))
                .build();

        String json = SpecJson.write(spec);

        assertThat(json).doesNotContain("machinePolicy").doesNotContain("dispositions").doesNotContain("byOutcome")
                .doesNotContain("byDisposition");
        BatchSpec read = SpecJson.read(json);
        assertThat(read).isEqualTo(spec);
        assertThat(read.machinePolicy()).isNull();
        assertThat(read.dispositions()).isEmpty();
        assertThat(read.retry().byOutcome()).isEmpty();
    }
}
