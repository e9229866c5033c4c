package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Recurrences reject bad input with messages naming the field, the rule and the value. */
class RecurrenceValidationTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant ANCHOR = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, 0, ANCHOR, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recurrence interval must be at least 1, but was 0");
        assertThatThrownBy(() -> Recurrence.of(Frequency.HOURLY, -3, ANCHOR, UTC))
                .hasMessage("recurrence interval must be at least 1, but was -3");
    }

    @Test
    void runsMustBePositive() {
        Recurrence daily = Recurrence.of(Frequency.DAILY, 1, ANCHOR, UTC);
        assertThatThrownBy(() -> daily.endingAfter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recurrence runs must be at least 1, but was 0");
        assertThatThrownBy(() -> Recurrence.cron("0 9 * * *", UTC, ANCHOR).endingAfter(-1))
                .hasMessage("recurrence runs must be at least 1, but was -1");
    }

    @Test
    void untilMustNotPrecedeTheAnchor() {
        Instant before = ANCHOR.minusSeconds(1);
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, 1, ANCHOR, UTC).endingAt(before))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recurrence until must not be before the anchor 2026-01-05T09:00:00Z,"
                        + " but was 2026-01-05T08:59:59Z");
        assertThatThrownBy(() -> Recurrence.cron("0 9 * * *", UTC, ANCHOR).endingAt(before))
                .hasMessageStartingWith("recurrence until must not be before the anchor");
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, 1, ANCHOR, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recurrence zone must not be null");
        assertThatThrownBy(() -> Recurrence.of(null, 1, ANCHOR, UTC)).hasMessage("recurrence frequency must not be null");
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, 1, null, UTC)).hasMessage("recurrence anchor must not be null");
        assertThatThrownBy(() -> Recurrence.cron("0 9 * * *", null, ANCHOR)).hasMessage("recurrence zone must not be null");
        assertThatThrownBy(() -> Recurrence.cron(null, UTC, ANCHOR)).hasMessage("cron expression must not be null");
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, 1, ANCHOR, UTC).withEnd(null))
                .hasMessage("recurrence end must not be null");
        assertThatThrownBy(() -> EndCondition.until(null)).hasMessage("recurrence until must not be null");
    }

    @Test
    void negativeIndexesAreRejected() {
        assertThatThrownBy(() -> Recurrence.of(Frequency.DAILY, 1, ANCHOR, UTC).occurrence(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("occurrence index must be >= 0, but was -1");
        assertThatThrownBy(() -> Recurrence.cron("0 9 * * *", UTC, ANCHOR).occurrence(-2))
                .hasMessage("occurrence index must be >= 0, but was -2");
        assertThatThrownBy(() -> new Occurrence(-1, ANCHOR)).hasMessage("occurrence index must be >= 0, but was -1");
    }
}
