package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CallWindow} rejects bad input with messages naming the field, the rule and the value. */
class CallWindowValidationTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    @Test
    void equalStartAndEndIsRejectedUnlessMidnight() {
        assertThatThrownBy(() -> CallWindow.of(NINE, NINE, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call window start and end must differ, but both were 09:00;"
                        + " use CallWindow.allDay(...) for a 24-hour window");
    }

    @Test
    void daysMustBeNonEmptyAndWithoutNulls() {
        assertThatThrownBy(() -> new CallWindow(NINE, FIVE, Set.of(), UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call window days must contain at least one day, but was []");
        assertThatThrownBy(() -> CallWindow.of(NINE, FIVE, UTC).onDays())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one day");
        assertThatThrownBy(() -> new CallWindow(NINE, FIVE, new HashSet<>(Arrays.asList(DayOfWeek.MONDAY, null)), UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call window day must not be null");
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatThrownBy(() -> CallWindow.of(null, FIVE, UTC)).hasMessage("call window start must not be null");
        assertThatThrownBy(() -> CallWindow.of(NINE, null, UTC)).hasMessage("call window end must not be null");
        assertThatThrownBy(() -> new CallWindow(NINE, FIVE, null, UTC)).hasMessage("call window days must not be null");
        assertThatThrownBy(() -> CallWindow.of(NINE, FIVE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call window zone must not be null");
        assertThatThrownBy(() -> CallWindow.always(UTC).isOpen(null)).hasMessage("instant must not be null");
    }

    @Test
    void unknownZoneAndUnparsableTimesAreRejected() {
        assertThatThrownBy(() -> CallWindow.zone("Mars/Base"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown time zone 'Mars/Base'");
        assertThatThrownBy(() -> CallWindow.of("09:00", "17:00", "Mars/Base"))
                .hasMessage("unknown time zone 'Mars/Base'");
        assertThatThrownBy(() -> CallWindow.of("9am", "17:00", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call window start must be a local time such as 09:00, but was '9am'");
    }
}
