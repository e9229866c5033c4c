package io.batchcall.twilio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads Twilio's Call resource JSON ({@code sid}, {@code status}, {@code duration}, RFC 2822 times). */
public final class CallResources {
    private CallResources() {
    }

    /**
     * @throws IllegalArgumentException if the sid or status is missing or the status unknown
     */
    public static CallInfo toCallInfo(JsonNode call) {
        String sid = text(call, "sid");
        if (sid == null || sid.isBlank()) {
            throw new IllegalArgumentException("call resource has no sid");
        }
        String status = text(call, "status");
        RecipientStatus mapped = CallStatuses.toRecipientStatus(status).orElseThrow(() ->
                new IllegalArgumentException("call " + sid + " has unknown status '" + status + "'; expected one of "
                        + CallStatuses.known()));
        return new CallInfo(sid, mapped, mapped == RecipientStatus.COMPLETED ? seconds(text(call, "duration")) : null);
    }

    /** When the call started, or when Twilio created it if it has not started (queued); null if neither parses. */
    public static Instant startedOrCreated(JsonNode call) {
        Instant start = time(text(call, "start_time"));
        return start != null ? start : time(text(call, "date_created"));
    }

    /** Whole seconds as a duration; null if absent or not a non-negative number. */
    public static Duration seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long s = Long.parseLong(value.trim());
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant time(String rfc2822) {
        if (rfc2822 == null || rfc2822.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(rfc2822, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
