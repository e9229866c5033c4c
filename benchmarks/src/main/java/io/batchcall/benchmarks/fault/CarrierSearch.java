package io.batchcall.benchmarks.fault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET Calls.json} as Twilio answers it: filters {@code To}, {@code From}, {@code Status},
 * {@code StartTime} (also {@code StartTime>=}, {@code >}, {@code <=}, {@code <}; a date
 * {@code YYYY-MM-DD} in UTC or an ISO instant; a call that has not started matches no StartTime
 * filter), newest first, {@code PageSize} (default 50, at most 1000) and {@code Page}.
 */
final class CarrierSearch {
    private CarrierSearch() {
    }

    static String page(List<CarrierCall> all, Map<String, List<String>> q, String accountSid) {
        Predicate<CarrierCall> keep = c -> true;
        String to = FakeCarrier.first(q, "To");
        String from = FakeCarrier.first(q, "From");
        String status = FakeCarrier.first(q, "Status");
        if (to != null) {
            keep = keep.and(c -> to.equals(c.to));
        }
        if (from != null) {
            keep = keep.and(c -> from.equals(c.from));
        }
        if (status != null) {
            keep = keep.and(c -> status.equals(c.status));
        }
        for (String op : new String[] {">=", "<=", ">", "<", ""}) {
            String v = FakeCarrier.first(q, "StartTime" + op);
            if (v != null) {
                keep = keep.and(startTime(op, v));
            }
        }
        int size = Math.min(1000, Math.max(1, Integer.parseInt(orElse(FakeCarrier.first(q, "PageSize"), "50"))));
        int page = Math.max(0, Integer.parseInt(orElse(FakeCarrier.first(q, "Page"), "0")));
        List<CarrierCall> hits = new ArrayList<>(all.stream().filter(keep).toList());
        hits.sort(Comparator.comparing((CarrierCall c) -> c.created).thenComparing(c -> c.sid).reversed());
        int fromIdx = Math.min(hits.size(), page * size);
        int toIdx = Math.min(hits.size(), fromIdx + size);
        StringBuilder out = new StringBuilder("{\"calls\":[");
        for (int i = fromIdx; i < toIdx; i++) {
            out.append(i > fromIdx ? "," : "").append(hits.get(i).json(accountSid));
        }
        String base = "/2010-04-01/Accounts/" + accountSid + "/Calls.json?PageSize=" + size;
        out.append("],\"page\":").append(page).append(",\"page_size\":").append(size).append(",\"start\":")
                .append(fromIdx).append(",\"end\":").append(Math.max(fromIdx, toIdx - 1))
                .append(",\"first_page_uri\":\"").append(base).append("&Page=0\",\"next_page_uri\":")
                .append(toIdx < hits.size() ? "\"" + base + "&Page=" + (page + 1) + "\"" : "null")
                .append(",\"uri\":\"").append(base).append("&Page=").append(page).append("\"}");
        return out.toString();
    }

    private static Predicate<CarrierCall> startTime(String op, String value) {
        boolean dateOnly = value.length() == 10;
        Instant at = dateOnly ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        Instant dayEnd = dateOnly ? at.plusSeconds(86_400) : at;
        return c -> {
            Instant s = c.started;
            if (s == null) {
                return false;
            }
            return switch (op) {
                case ">=" -> !s.isBefore(at);
                case ">" -> dateOnly ? !s.isBefore(dayEnd) : s.isAfter(at);
                case "<=" -> dateOnly ? s.isBefore(dayEnd) : !s.isAfter(at);
                case "<" -> s.isBefore(at);
                default -> dateOnly ? !s.isBefore(at) && s.isBefore(dayEnd) : s.equals(at);
            };
        };
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }
}
