package io.batchcall.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.schedule.CallWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * No dial is ever allowed outside the calling-hours floor: {@link CallingTime} against a naive
 * oracle that reads each rule's local time in each of the recipient's zones, for random windows,
 * rules, zones (including several per recipient and unknown ones) and instants; its search against
 * minute stepping.
 */
class CallingTimePropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Honolulu"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Lord_Howe"));
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

    record Case(CallingTime time, List<ZoneId> zones, Instant t) {
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

    private static Gen<CallWindow> windows() {
        return times().zip(times(), days(), arbitrary().pick(ZONES), (s, e, d, z) -> s.equals(e)
                ? CallWindow.allDay(d, z) : new CallWindow(s, e, d, z));
    }

    private static Gen<HoursRule> rules() {
        Gen<HoursRule> random = times().zip(times(), days(), integers().between(0, 3), (s, e, d, h) -> new HoursRule("*",
                s, s.equals(e) ? s.plusHours(1) : e, d, h == 0 ? Set.of(LocalDate.of(2024, 7, 4)) : Set.of(), "test"));
        return random.mix(arbitrary().constant(CallingHours.US_FEDERAL), 30);
    }

    private static Gen<Case> cases() {
        Gen<List<ZoneId>> zones = lists().of(arbitrary().pick(ZONES)).ofSizeBetween(0, 3)
                .map(l -> List.copyOf(new java.util.LinkedHashSet<>(l)));
        Gen<Set<LocalDate>> blackouts = integers().between(0, 4).map(n -> n == 0 ? Set.of()
                : Set.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 11, 3)));
        Gen<CallingTime> time = windows().zip(booleans().all(), lists().of(rules()).ofSizeBetween(0, 2), blackouts,
                CallingTime::new);
        Gen<Instant> instants = integers().between(0, 366 * 24 * 60).map(m -> FROM.plus(m, ChronoUnit.MINUTES));
        return time.zip(zones, instants, Case::new);
    }

    /** Reads every rule on every zone's wall clock, without CallWindow's search. */
    private static boolean oracle(Case c, Instant i) {
        CallingTime ct = c.time();
        if (c.zones().isEmpty()) {
            if (!ct.rules().isEmpty()) {
                return false;
            }
            return ct.window().isOpen(i) && !ct.blackoutDates().contains(LocalDate.ofInstant(i, ct.window().zone()));
        }
        if (!ct.perRecipient() && !ct.window().isOpen(i)) {
            return false;
        }
        for (ZoneId z : c.zones()) {
            LocalDateTime local = LocalDateTime.ofInstant(i, z);
            if (ct.blackoutDates().contains(local.toLocalDate())) {
                return false;
            }
            if (ct.perRecipient() && !ct.window().withZone(z).isOpen(i)) {
                return false;
            }
            for (HoursRule r : ct.rules()) {
                if (!inRule(r, local)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inRule(HoursRule r, LocalDateTime local) {
        if (r.holidays().contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        if (!r.end().isBefore(r.start()) && !r.end().equals(LocalTime.MIDNIGHT)) {
            return r.days().contains(local.getDayOfWeek()) && !time.isBefore(r.start()) && time.isBefore(r.end());
        }
        // Across midnight: belongs to the day it opens on.
        return (r.days().contains(local.getDayOfWeek()) && !time.isBefore(r.start()))
                || (r.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(r.end()));
    }

    @Test
    void neverOpenOutsideTheFloorAndOpenWheneverEverythingAllows() {
        qt().withExamples(5000).forAll(cases()).checkAssert(c ->
                assertThat(c.time().isOpen(c.zones(), c.t())).isEqualTo(oracle(c, c.t())));
    }

    @Test
    void nextOpenIsTheFirstMinuteEverythingAllows() {
        qt().withExamples(300).forAll(cases()).checkAssert(c -> {
            Instant next = c.time().nextOpen(c.zones(), c.t());
            Instant limit = c.t().plus(16, ChronoUnit.DAYS);
            Instant expected = null;
            for (Instant i = c.t(); !i.isAfter(limit); i = i.plus(1, ChronoUnit.MINUTES)) {
                if (oracle(c, i)) {
                    expected = i;
                    break;
                }
            }
            if (expected != null) {
                assertThat(next).isEqualTo(expected);
            } else if (next != null) {
                assertThat(next).isAfter(limit);
                assertThat(oracle(c, next)).isTrue();
            }
        });
    }

    @Test
    void theFederalRuleBindsUsNumbersOnly() {
        Set<String> us = RecipientRegions.of(io.batchcall.model.PhoneNumber.of("+12125550100"), java.util.Map.of(),
                null);
        Set<String> de = RecipientRegions.of(io.batchcall.model.PhoneNumber.of("+4930123456"), java.util.Map.of(),
                null);
        assertThat(us).containsExactly("US");
        assertThat(CallingHours.usFederal().rulesFor(us)).containsExactly(CallingHours.US_FEDERAL);
        assertThat(CallingHours.usFederal().rulesFor(de)).isEmpty();
        Set<String> fl = RecipientRegions.of(io.batchcall.model.PhoneNumber.of("+13055550100"),
                java.util.Map.of("State", " fl "), "state");
        assertThat(fl).containsExactlyInAnyOrder("US", "US-FL");
        assertThat(new HashSet<>(RecipientRegions.of(io.batchcall.model.PhoneNumber.of("+13055550100"),
                java.util.Map.of("state", "US-FL"), "STATE"))).containsExactlyInAnyOrder("US", "US-FL");
    }
}
