package io.batchcall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.BatchWaiting;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.ZoneKey;
import io.batchcall.policy.CallingHours;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.policy.HoursRule;
import io.batchcall.schedule.CallWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * "Why is this batch not dialing?" agrees with the dial round: when {@link Waits} names the window
 * or the calling hours, the round's zone-key rule opens nothing from now until the instant it
 * gives (checked every 15 minutes, the grid of every window and rule here) and opens at that instant;
 * when it names nothing, the round may claim now.
 */
class WaitsPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Pacific/Honolulu"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Lord_Howe"));
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(15);

    record Case(Batch batch, ContactPolicy policy, Set<String> keys, Instant now) {
    }

    private static Gen<LocalTime> times() {
        return integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
    }

    private static Gen<Set<DayOfWeek>> days() {
        return integers().between(1, 127).map(mask -> {
            Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if ((mask & (1 << day.ordinal())) != 0) {
                    d.add(day);
                }
            }
            return d;
        });
    }

    private static Gen<Case> cases() {
        Gen<CallWindow> windows = times().zip(times(), days(), arbitrary().pick(ZONES), (s, e, d, z) -> s.equals(e)
                ? CallWindow.allDay(d, z) : new CallWindow(s, e, d, z));
        Gen<ContactPolicy> policies = times().zip(times(), booleans().all(), (s, e, on) -> !on || s.equals(e)
                ? ContactPolicy.none()
                : ContactPolicy.none().withHours(CallingHours.of(HoursRule.daily("*", s, e, "test rule"))));
        Gen<Set<String>> keys = lists().of(lists().of(arbitrary().pick(ZONES)).ofSizeBetween(1, 2)).ofSizeBetween(1, 3)
                .map(ls -> {
                    Set<String> out = new HashSet<>();
                    for (List<ZoneId> zs : ls) {
                        out.add(ZoneKey.of(zs));
                    }
                    return out;
                });
        Gen<Instant> instants = integers().between(0, 3 * 366 * 24 * 4).map(q -> FROM.plus(STEP.multipliedBy(q)));
        return windows.zip(booleans().all(), policies, keys, (w, local, p, k) -> new Object[] {w, local, p, k})
                .zip(instants, (o, t) -> new Case(batch((CallWindow) o[0], (Boolean) o[1]), (ContactPolicy) o[2],
                        castKeys(o[3]), t));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> castKeys(Object o) {
        return (Set<String>) o;
    }

    private static Batch batch(CallWindow w, boolean perRecipient) {
        var spec = io.batchcall.model.BatchSpec.builder("b", AccountId.of("acme"), PhoneNumber.of("+14155552000"), w)
                .recipientLocalTime(perRecipient).build();
        Instant t = Instant.parse("2023-12-01T00:00:00Z");
        return new Batch(BatchId.of(1), spec, BatchStatus.RUNNING, null, null, null, 0, null, t, t, null, 1);
    }

    @Test
    void theReasonAndItsEndAgreeWithTheDialRound() {
        qt().withExamples(300).forAll(cases()).checkAssert(c -> {
            var waiting = Waits.of(c.batch(), c.policy(), c.keys(), c.now());
            boolean opensNow = !Windows.filtersZones(c.batch(), c.policy())
                    || !Windows.openZoneKeys(c.batch(), c.policy(), c.keys(), c.now()).isEmpty();
            assertThat(waiting.isEmpty()).as("no reason exactly when the round may claim").isEqualTo(opensNow);
            if (waiting.isEmpty()) {
                return;
            }
            BatchWaiting w = waiting.get();
            assertThat(w.reason()).isIn(BatchWaiting.Reason.OUTSIDE_WINDOW, BatchWaiting.Reason.CALLING_HOURS);
            if (w.until() == null || w.until().isAfter(c.now().plus(Duration.ofDays(9)))) {
                return; // no opening, or too far for the stepping oracle
            }
            assertThat(Windows.openZoneKeys(c.batch(), c.policy(), c.keys(), w.until())).as("opens at " + w.until())
                    .isNotEmpty();
            for (Instant t = c.now(); t.isBefore(w.until()); t = t.plus(STEP)) {
                assertThat(Windows.openZoneKeys(c.batch(), c.policy(), c.keys(), t)).as("closed at " + t).isEmpty();
            }
        });
    }
}
