package io.batchcall.api.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.EndCondition;
import io.batchcall.schedule.Frequency;
import io.batchcall.schedule.Recurrence;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a {@link BatchRequest} into a {@link BatchSpec}, checking every field before anything is
 * stored; each error names the field (snake_case), the rule and the value.
 */
public final class SpecMapper {
    private final Function<AccountId, AccountLimits> accountLimits;

    public SpecMapper(Function<AccountId, AccountLimits> accountLimits) {
        this.accountLimits = accountLimits;
    }

    /** The spec for {@code account}; {@code now} anchors a recurrence without {@code scheduled_at}. */
    public BatchSpec toSpec(BatchRequest r, AccountId account, Instant now) {
        String name = r.name();
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ApiProblem.invalid("name", "1-200 characters", name);
        }
        PhoneNumber from = phone("caller_id", r.callerId());
        if (r.timezone() == null) {
            throw ApiProblem.invalid("timezone", "an IANA time zone such as America/New_York", null);
        }
        ZoneId zone = zone(r.timezone());
        CallWindow window = window(r, zone);
        Instant scheduledAt = instant("scheduled_at", r.scheduledAt(), zone);
        AccountLimits limits = accountLimits.apply(account);
        if (r.batchLimit() != null && (r.batchLimit() < 1 || r.batchLimit() > limits.outboundCeiling())) {
            throw ApiProblem.invalid("batch_limit", "between 1 and " + limits.outboundCeiling(), r.batchLimit());
        }
        Recurrence recurrence = recurrence(r, zone, scheduledAt == null ? now : scheduledAt);
        if (r.agentId() != null && (r.agentId().isBlank() || r.agentId().length() > 200)) {
            throw ApiProblem.invalid("agent_id", "1-200 characters when given", r.agentId());
        }
        Duration ring = BatchSpec.DEFAULT_RING_TIMEOUT;
        if (r.ringTimeoutSeconds() != null) {
            if (r.ringTimeoutSeconds() < 15 || r.ringTimeoutSeconds() > 600) {
                throw ApiProblem.invalid("ring_timeout_seconds", "between 15 and 600", r.ringTimeoutSeconds());
            }
            ring = Duration.ofSeconds(r.ringTimeoutSeconds());
        }
        Instant deadline = instant("deadline", r.deadline(), zone);
        if (deadline != null && scheduledAt != null && !deadline.isAfter(scheduledAt)) {
            throw ApiProblem.invalid("deadline", "after scheduled_at " + scheduledAt, r.deadline());
        }
        try {
            return BatchSpec.builder(name, account, from, window)
                    .agentId(r.agentId())
                    .startAt(recurrence == null ? scheduledAt : null)
                    .recipientLocalTime(Boolean.TRUE.equals(r.recipientLocalTime()))
                    .batchLimit(r.batchLimit())
                    .recurrence(recurrence)
                    .retry(OutcomeFields.rules(retry(r), r))
                    .deadline(deadline)
                    .ringTimeout(ring)
                    .machinePolicy(OutcomeFields.machinePolicy(r.machinePolicy()))
                    .dispositions(OutcomeFields.dispositions(r.dispositions()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("validation", e.getMessage(), null, null);
        }
    }

    /** Recipients given inline; each phone must be E.164. */
    public static List<NewRecipient> recipients(List<BatchRequest.Recipient> in) {
        List<NewRecipient> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        for (int i = 0; i < in.size(); i++) {
            BatchRequest.Recipient r = in.get(i);
            if (r == null) {
                throw ApiProblem.invalid("recipients[" + i + "]", "an object with a phone", null);
            }
            out.add(new NewRecipient(phone("recipients[" + i + "].phone", r.phone()), r.name(), r.variables(), ""));
        }
        return out;
    }

    static PhoneNumber phone(String field, String value) {
        if (value == null) {
            throw ApiProblem.invalid(field, "an E.164 phone number such as +14155550100", null);
        }
        try {
            return PhoneNumber.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "an E.164 phone number such as +14155550100", value);
        }
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ApiProblem.invalid("timezone", "an IANA time zone such as America/New_York", id);
        }
    }

    private static CallWindow window(BatchRequest r, ZoneId zone) {
        return hours(r, zone).withBlackouts(blackouts(r.windowBlackoutDates()));
    }

    private static CallWindow hours(BatchRequest r, ZoneId zone) {
        Set<DayOfWeek> days = days(r.windowDays());
        if (r.windowStartTime() == null && r.windowEndTime() == null) {
            return CallWindow.allDay(days == null ? CallWindow.EVERY_DAY : days, zone);
        }
        LocalTime start = time("window_start_time", r.windowStartTime());
        LocalTime end = time("window_end_time", r.windowEndTime());
        if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
            throw ApiProblem.invalid("window_end_time", "different from window_start_time " + start, r.windowEndTime());
        }
        return new CallWindow(start, end, days == null ? CallWindow.WEEKDAYS : days, zone);
    }

    /** At most this many blackout dates per batch. */
    static final int MAX_BLACKOUT_DATES = 1000;

    /** Local ISO dates ({@code 2026-12-25}) on which the window stays closed; absent or empty for none. */
    static Set<LocalDate> blackouts(List<String> dates) {
        if (dates == null) {
            return Set.of();
        }
        if (dates.size() > MAX_BLACKOUT_DATES) {
            throw ApiProblem.invalid("window_blackout_dates", "at most " + MAX_BLACKOUT_DATES + " dates",
                    dates.size() + " dates");
        }
        Set<LocalDate> out = new java.util.TreeSet<>();
        for (int i = 0; i < dates.size(); i++) {
            String d = dates.get(i);
            String field = "window_blackout_dates[" + i + "]";
            if (d == null) {
                throw ApiProblem.invalid(field, "an ISO local date such as 2026-12-25", null);
            }
            try {
                out.add(LocalDate.parse(d.strip()));
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(field, "an ISO local date such as 2026-12-25", d);
            }
        }
        return out;
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            throw ApiProblem.invalid(field, "a local time HH:mm (both window times or neither)", null);
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "a local time HH:mm", value);
        }
    }

    static Set<DayOfWeek> days(List<String> names) {
        if (names == null) {
            return null;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String n : names) {
            DayOfWeek d = day(n);
            if (d == null) {
                throw ApiProblem.invalid("window_days", "a list of mon, tue, wed, thu, fri, sat, sun", n);
            }
            days.add(d);
        }
        if (days.isEmpty()) {
            throw ApiProblem.invalid("window_days", "a non-empty list of days", "[]");
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        if (name == null || name.strip().length() < 3) {
            return null;
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(n) || d.name().startsWith(n) && n.length() == 3) {
                return d;
            }
        }
        return null;
    }

    /** ISO-8601 with an offset or Z, or a local date-time read in {@code zone}; null stays null. */
    static Instant instant(String field, String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiProblem.invalid(field, "an ISO-8601 date-time such as 2026-12-07T09:00:00Z", value);
            }
        }
    }

    private static Recurrence recurrence(BatchRequest r, ZoneId zone, Instant anchor) {
        String type = r.recurrenceType() == null ? "none" : r.recurrenceType().strip().toLowerCase(Locale.ROOT);
        if (type.equals("none")) {
            if (r.recurrenceInterval() != null || r.recurrenceEndDate() != null || r.recurrenceMaxRuns() != null) {
                throw ApiProblem.invalid("recurrence_type", "hourly, daily, weekly or monthly when other recurrence "
                        + "fields are given", r.recurrenceType());
            }
            return null;
        }
        Frequency f;
        try {
            f = Frequency.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("recurrence_type", "one of none, hourly, daily, weekly, monthly", r.recurrenceType());
        }
        int interval = r.recurrenceInterval() == null ? 1 : r.recurrenceInterval();
        if (interval < 1 || interval > 1000) {
            throw ApiProblem.invalid("recurrence_interval", "between 1 and 1000", r.recurrenceInterval());
        }
        if (r.recurrenceEndDate() != null && r.recurrenceMaxRuns() != null) {
            throw ApiProblem.invalid("recurrence_max_runs", "absent when recurrence_end_date is given",
                    r.recurrenceMaxRuns());
        }
        EndCondition end = EndCondition.never();
        if (r.recurrenceMaxRuns() != null) {
            if (r.recurrenceMaxRuns() < 1) {
                throw ApiProblem.invalid("recurrence_max_runs", "at least 1", r.recurrenceMaxRuns());
            }
            end = EndCondition.afterRuns(r.recurrenceMaxRuns());
        } else if (r.recurrenceEndDate() != null) {
            Instant until = endDate(r.recurrenceEndDate(), zone);
            if (until.isBefore(anchor)) {
                throw ApiProblem.invalid("recurrence_end_date", "not before the first run " + anchor,
                        r.recurrenceEndDate());
            }
            end = EndCondition.until(until);
        }
        return Recurrence.of(f, interval, anchor, zone).withEnd(end);
    }

    /** A date means the end of that local day; a date-time is taken as given. */
    private static Instant endDate(String value, ZoneId zone) {
        try {
            return LocalDate.parse(value.strip()).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        } catch (DateTimeParseException e) {
            Instant at = instant("recurrence_end_date", value, zone);
            return at;
        }
    }

    private static RetryPolicy retry(BatchRequest r) {
        if (r.retryOn() == null && r.maxAttempts() == null && r.retryDelaySeconds() == null) {
            return RetryPolicy.none();
        }
        EnumSet<RecipientStatus> on = EnumSet.noneOf(RecipientStatus.class);
        for (String s : r.retryOn() == null ? List.of("busy", "no_answer") : r.retryOn()) {
            RecipientStatus st = null;
            for (RecipientStatus c : EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER, RecipientStatus.FAILED)) {
                if (c.wireName().equals(s)) {
                    st = c;
                }
            }
            if (st == null) {
                throw ApiProblem.invalid("retry_on", "a list of busy, no_answer, failed", s);
            }
            on.add(st);
        }
        int max = r.maxAttempts() == null ? 2 : r.maxAttempts();
        if (max < 1 || max > 100) {
            throw ApiProblem.invalid("max_attempts", "between 1 and 100", r.maxAttempts());
        }
        long delay = r.retryDelaySeconds() == null ? 300 : r.retryDelaySeconds();
        if (delay < 0 || delay > 7 * 86_400) {
            throw ApiProblem.invalid("retry_delay_seconds", "between 0 and 604800", r.retryDelaySeconds());
        }
        return RetryPolicy.on(on, max, Duration.ofSeconds(delay));
    }
}
