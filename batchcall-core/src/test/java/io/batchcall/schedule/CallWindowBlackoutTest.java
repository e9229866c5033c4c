package io.batchcall.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallWindowBlackoutTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aBlackoutDayAcrossSpringForwardIsTwentyThreeHoursLong() {
        // 2025-03-30: Berlin skips 02:00-03:00.
        CallWindow w = CallWindow.always(BERLIN).withBlackouts(Set.of(LocalDate.of(2025, 3, 30)));
        Instant start = ZonedDateTime.of(2025, 3, 30, 0, 0, 0, 0, BERLIN).toInstant();
        assertThat(w.isOpen(start.minusSeconds(1))).isTrue();
        assertThat(w.isOpen(start)).isFalse();
        Instant end = w.nextOpening(start);
        assertThat(end).isEqualTo(ZonedDateTime.of(2025, 3, 31, 0, 0, 0, 0, BERLIN).toInstant());
        assertThat(java.time.Duration.between(start, end).toHours()).isEqualTo(23);
        assertThat(w.nextClosing(start.minusSeconds(3600))).isEqualTo(start);
    }

    @Test
    void aLongClosureIsSearchedPast() {
        Set<LocalDate> closed = new HashSet<>();
        for (int d = 0; d < 60; d++) {
            closed.add(LocalDate.of(2025, 12, 1).plusDays(d));
        }
        CallWindow w = CallWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0), BERLIN).withBlackouts(closed);
        Instant t = ZonedDateTime.of(2025, 12, 1, 10, 0, 0, 0, BERLIN).toInstant();
        assertThat(w.nextOpening(t)).isEqualTo(ZonedDateTime.of(2026, 1, 30, 9, 0, 0, 0, BERLIN).toInstant());
    }

    @Test
    void anOvernightWindowClosesAtTheBlackoutMidnight() {
        CallWindow w = new CallWindow(LocalTime.of(22, 0), LocalTime.of(2, 0), CallWindow.EVERY_DAY, BERLIN,
                Set.of(LocalDate.of(2025, 6, 14)));
        assertThat(w.isOpen(ZonedDateTime.of(2025, 6, 13, 23, 0, 0, 0, BERLIN).toInstant())).isTrue();
        assertThat(w.isOpen(ZonedDateTime.of(2025, 6, 14, 1, 0, 0, 0, BERLIN).toInstant())).isFalse();
        assertThat(w.isOpen(ZonedDateTime.of(2025, 6, 15, 1, 0, 0, 0, BERLIN).toInstant())).isTrue();
        assertThat(w.toString()).contains("except [2025-06-14]");
    }

    @Test
    void nullDatesAreRefusedAndTheFourArgumentFormHasNone() {
        Set<LocalDate> withNull = new HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> CallWindow.always(BERLIN).withBlackouts(withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blackout date");
        assertThat(new CallWindow(LocalTime.NOON, LocalTime.MIDNIGHT, CallWindow.WEEKDAYS, BERLIN).blackouts())
                .isEmpty();
    }
}
