package io.batchcall.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** JSON for {@link CallWindow} and {@link Recurrence}, written against their public API only. */
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
        return n;
    }

    static CallWindow window(JsonNode n) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        n.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
        return new CallWindow(LocalTime.parse(n.get("start").asText()), LocalTime.parse(n.get("end").asText()), days,
                ZoneId.of(n.get("zone").asText()));
    }

    static ObjectNode recurrence(Recurrence r) {
        throw new UnsupportedOperationException("storing a recurrence waits for the real io.batchcall.schedule API");
    }

    static Recurrence recurrence(JsonNode n) {
        throw new UnsupportedOperationException("reading a recurrence waits for the real io.batchcall.schedule API");
    }
}
