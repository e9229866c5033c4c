package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.model.Batch;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.postgres.PostgresExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ringing and in-progress statuses commit without waiting for the WAL flush (the statement sets
 * {@code synchronous_commit} itself), unless the backend is built with
 * {@code durableIntermediateStatuses(true)}, as on Citus, whose planner refuses that volatile
 * function in a distributed UPDATE: then no statement carries it, and the statuses still apply.
 */
class PostgresDurableStatusesTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();
    private static final Clock CLOCK = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

    @Test
    void intermediateStatusesSkipTheFlushUnlessAskedToBeDurable() throws Exception {
        try (HikariDataSource role = SingleAccountMode.prepare(PG.database())) {
            for (boolean durable : new boolean[] {false, true}) {
                RecordingDataSource recorder = new RecordingDataSource();
                Storage storage = JdbcBackend.builder(recorder.wrap(role)).clock(CLOCK)
                        .accountSetting(AccountIsolation.TEST_SETTING).durableIntermediateStatuses(durable).build()
                        .storage();
                Batch b = Fixtures.running(storage, "durable-" + durable, 5, 5, 3);
                List<Claim> claims = storage.calls().claim(Fixtures.claimRequest(b, 5, 3, Fixtures.T0));
                assertThat(claims).hasSize(3);
                for (Claim c : claims) {
                    var id = c.attempt().id();
                    String sid = "CA" + id.value();
                    assertThat(storage.calls().markPlaced(b.account(), id, sid, Fixtures.T0)).isTrue();
                    for (RecipientStatus s : List.of(RecipientStatus.RINGING, RecipientStatus.IN_PROGRESS,
                            RecipientStatus.COMPLETED)) {
                        assertThat(storage.calls().applyCarrierStatus(b.account(), id, new CarrierUpdate(s,
                                Fixtures.T0.plusSeconds(5), sid, s.isTerminal() ? Duration.ofSeconds(3) : null,
                                null))).as(s + " applied").isPresent();
                    }
                }
                boolean skipsTheFlush = recorder.inAccount().stream().anyMatch(sql -> sql.contains("synchronous_commit"));
                assertThat(skipsTheFlush).as("durable " + durable).isEqualTo(!durable);
                assertThat(storage.recipients().counts(b.id()).of(RecipientStatus.COMPLETED)).isEqualTo(3);
            }
        }
    }
}
