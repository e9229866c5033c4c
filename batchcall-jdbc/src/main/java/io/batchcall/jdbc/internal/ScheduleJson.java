package io.batchcall.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.CronRecurrence;
import io.batchcall.schedule.EndCondition;
import io.batchcall.schedule.Frequency;
import io.batchcall.schedule.PeriodicRecurrence;
import io.batchcall.schedule.Recurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * JSON for {@link CallWindow} and {@link Recurrence}, written against their public API only:
 * <pre>
 * window:     {"start": "09:00", "end": "17:00", "days": ["MONDAY", …], "zone": "Europe/Berlin"[, "blackouts": ["2026-12-25", …]]}
 * recurrence: {"kind": "periodic", "frequency": "DAILY", "interval": 1, "anchor": "…Z", "zone": "…", "end": …}
 *             {"kind": "cron", "expression": "30 2 * * 1-5", "anchor": "…Z", "zone": "…", "end": …}
 * end:        {"kind": "never"} | {"kind": "afterRuns", "runs": 5} | {"kind": "until", "at": "…Z"}
 * </pre>
 */
final class ScheduleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScheduleJson() {
    }

    static ObjectNode window(CallWindow w) {
        ObjectNode n = NODES.objectNode();
        n.put("start", w.start().toString());
        n.put("end", w.end().toString());
        w.days().stream().sorted().forEach(d -> n.withArray("days").add(d.name()));
        n.put("zone", w.zone().getId());
        if (!w.blackouts().isEmpty()) {
            w.blackouts().forEach(d -> n.withArray("blackouts").add(d.toString()));
        }
        return n;
    }

    static CallWindow window(JsonNode n) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        n.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
        // "blackouts" is optional: absent in specs written before it existed, and when there are none.
        Set<java.time.LocalDate> blackouts = new java.util.TreeSet<>();
        if (n.hasNonNull("blackouts")) {
            n.get("blackouts").forEach(d -> blackouts.add(java.time.LocalDate.parse(d.asText())));
        }
        return new CallWindow(LocalTime.parse(n.get("start").asText()), LocalTime.parse(n.get("end").asText()), days,
                ZoneId.of(n.get("zone").asText()), blackouts);
    }

    static ObjectNode recurrence(Recurrence r) {
        ObjectNode n = NODES.objectNode();
        if (r instanceof PeriodicRecurrence p) {
            n.put("kind", "periodic");
            n.put("frequency", p.frequency().name());
            n.put("interval", p.interval());
        } else if (r instanceof CronRecurrence c) {
            n.put("kind", "cron");
            n.put("expression", c.expression());
        }
        n.put("anchor", r.anchor().toString());
        n.put("zone", r.zone().getId());
        n.set("end", end(r.end()));
        return n;
    }

    static Recurrence recurrence(JsonNode n) {
        Instant anchor = Instant.parse(n.get("anchor").asText());
        ZoneId zone = ZoneId.of(n.get("zone").asText());
        EndCondition end = end(n.get("end"));
        String kind = n.get("kind").asText();
        return switch (kind) {
            case "periodic" -> new PeriodicRecurrence(Frequency.valueOf(n.get("frequency").asText()),
                    n.get("interval").asInt(), anchor, zone, end);
            case "cron" -> Recurrence.cron(n.get("expression").asText(), zone, anchor).withEnd(end);
            default -> throw new IllegalStateException("stored recurrence has unknown kind '" + kind + "'");
        };
    }

    private static ObjectNode end(EndCondition e) {
        ObjectNode n = NODES.objectNode();
        if (e instanceof EndCondition.AfterRuns a) {
            n.put("kind", "afterRuns").put("runs", a.runs());
        } else if (e instanceof EndCondition.Until u) {
            n.put("kind", "until").put("at", u.until().toString());
        } else {
            n.put("kind", "never");
        }
        return n;
    }

    private static EndCondition end(JsonNode n) {
        String kind = n.get("kind").asText();
        return switch (kind) {
            case "never" -> EndCondition.never();
            case "afterRuns" -> EndCondition.afterRuns(n.get("runs").asLong());
            case "until" -> EndCondition.until(Instant.parse(n.get("at").asText()));
            default -> throw new IllegalStateException("stored recurrence end has unknown kind '" + kind + "'");
        };
    }
}
