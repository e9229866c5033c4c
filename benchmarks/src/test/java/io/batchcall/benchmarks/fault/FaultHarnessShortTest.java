package io.batchcall.benchmarks.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.testkit.postgres.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The short fault run of the default build: two engine processes on one PostgreSQL, the fake
 * Twilio in its own process with its clock 3 s behind the engines, one SIGKILL (and restart), a few
 * ambiguous {@code POST /Calls} (503 and timeout, with and without the call created; created calls
 * stay queued past the lease), one answer slower than the lease, one slow answer. The audit must be
 * clean: no double dial, no call the database does not know, the cap held at the carrier, nothing
 * lost or stuck, the ledger exact, events in order. The engines run in the single-account mode
 * (as a role bound by row-level security to the one account each transaction names; sweeps across
 * accounts only read), so the run also shows that no engine transaction touches a second account.
 */
class FaultHarnessShortTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @Test
    void theAuditIsCleanAfterAKillWithASkewedCarrierAndAmbiguousPosts() throws Exception {
        Options o = new Options("--engines", "2", "--kills", "1", "--firstKillMs", "6000", "--restartDelayMs", "1000",
                "--accounts", "2", "--batchesPerAccount", "1", "--recipients", "100", "--cap", "10",
                "--carrierSkewMs", "-3000", "--ringMinMs", "500", "--ringMaxMs", "1500", "--talkMinMs", "1000",
                "--talkMaxMs", "3000", "--mix", "70:10:10:10",
                "--post503", "0.1/1", "--post503Created", "0.1/2", "--postTimeoutCreated", "0.1/1",
                "--timeoutMs", "19000", "--requestTimeoutMs", "18000", "--ambiguousQueueMs", "20000",
                "--postLate", "0.1/1", "--lateMs", "16000", "--postSlow", "0.1/1", "--slowMs", "2000",
                "--leaseMs", "10000", "--reconcileMs", "500", "--maxRunS", "80", "--settleMs", "1500", "--childC1", "true",
                "--dir", "target/fault-runs/short-test", "--childHeap", "160m", "--singleAccount", "true");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        AuditReport report;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            report = FaultRun.run(o, PG.database(), out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(printed);

        assertThat(printed).contains("single-account mode: engines run as batchcall_app");
        assertThat(report.line("faults injected").detail()).as(printed).contains("post503Created");
        assertThat(report.value("double dials")).as(printed).isZero();
        assertThat(report.value("calls the database does not know")).as(printed).isZero();
        assertThat(report.value("accounts over cap at carrier")).as(printed).isZero();
        assertThat(report.value("lost or stuck recipients")).as(printed).isZero();
        assertThat(report.value("accounts with ledger not exact")).as(printed).isZero();
        assertThat(report.failures()).as(printed).isEmpty();
    }
}
