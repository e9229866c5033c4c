package io.batchcall.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A deliberately naive model of {@link CallWindow}, written without looking at its search: the
 * window that opens on local date d covers the local date-times [d + start, d + start + length),
 * and an instant is inside when its local date-time is. Searches step minute by minute.
 */
final class WindowOracle {

    private WindowOracle() {
    }

    static boolean isOpen(CallWindow window, Instant instant) {
        LocalDateTime local = instant.atZone(window.zone()).toLocalDateTime();
        for (int back = 0; back <= 1; back++) {
            LocalDate opensOn = local.toLocalDate().minusDays(back);
            if (!window.days().contains(opensOn.getDayOfWeek())) {
                continue;
            }
            LocalDateTime from = opensOn.atTime(window.start());
            LocalDateTime to = from.plus(length(window));
            if (!local.isBefore(from) && local.isBefore(to)) {
                return true;
            }
        }
        return false;
    }

    private static Duration length(CallWindow window) {
        long minutes = Duration.between(window.start(), window.end()).toMinutes();
        return Duration.ofMinutes(minutes <= 0 ? minutes + 24 * 60 : minutes);
    }

    /**
     * The first of {@code t}, then every whole minute after {@code t} up to {@code t + bound}, that
     * satisfies {@code wanted}. Exact as long as window edges and zone offsets are whole minutes.
     */
    static Optional<Instant> firstStep(Instant t, Duration bound, boolean includeT, Predicate<Instant> wanted) {
        if (includeT && wanted.test(t)) {
            return Optional.of(t);
        }
        Instant limit = t.plus(bound);
        for (Instant i = t.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60); !i.isAfter(limit); i = i.plusSeconds(60)) {
            if (wanted.test(i)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
