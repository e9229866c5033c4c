package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchcall.schedule.CallWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Window JSON: blackout dates are an optional field, absent when there are none and in older specs. */
class ScheduleJsonTest {
    private static final CallWindow HOURS = CallWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0),
            ZoneId.of("Europe/Berlin"));

    @Test
    void blackoutDatesRoundTripAndAreOmittedWhenEmpty() {
        CallWindow closed = HOURS.withBlackouts(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 24)));
        assertThat(ScheduleJson.window(ScheduleJson.window(closed))).isEqualTo(closed);
        assertThat(ScheduleJson.window(closed).toString()).contains("\"blackouts\":[\"2026-12-24\",\"2026-12-25\"]");
        assertThat(ScheduleJson.window(HOURS).has("blackouts")).isFalse();
    }

    @Test
    void aWindowWrittenBeforeBlackoutsExistedReadsWithNone() throws Exception {
        var old = new ObjectMapper().readTree(
                "{\"start\":\"09:00\",\"end\":\"17:00\",\"days\":[\"MONDAY\"],\"zone\":\"Europe/Berlin\"}");
        assertThat(ScheduleJson.window(old).blackouts()).isEmpty();
    }
}
