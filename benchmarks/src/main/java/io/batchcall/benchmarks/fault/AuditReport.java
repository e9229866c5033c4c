package io.batchcall.benchmarks.fault;

import java.util.ArrayList;
import java.util.List;

/** The audit's table: each line a measured value, and for checks the value it must have. */
final class AuditReport {
    /** A line; {@code expected} null for information only. */
    record Line(String name, String value, String expected, boolean ok, String detail) {
    }

    final List<Line> lines = new ArrayList<>();

    void check(String name, long value, long expected, String detail) {
        lines.add(new Line(name, Long.toString(value), Long.toString(expected), value == expected, detail));
    }

    void check(String name, boolean ok, String value, String expected, String detail) {
        lines.add(new Line(name, value, expected, ok, detail));
    }

    void info(String name, Object value, String detail) {
        lines.add(new Line(name, String.valueOf(value), null, true, detail));
    }

    long value(String name) {
        return Long.parseLong(line(name).value());
    }

    Line line(String name) {
        return lines.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no audit line '" + name + "'"));
    }

    List<Line> failures() {
        return lines.stream().filter(l -> !l.ok()).toList();
    }

    String table() {
        int w = lines.stream().mapToInt(l -> l.name().length()).max().orElse(10);
        int v = Math.max(5, lines.stream().mapToInt(l -> l.value().length()).max().orElse(5));
        StringBuilder out = new StringBuilder();
        String fmt = "| %-" + w + "s | %" + v + "s | %-8s | %-6s | %s%n";
        out.append(String.format(fmt, "audit", "value", "expected", "result", "detail"));
        out.append(String.format(fmt, "-".repeat(w), "-".repeat(v), "--------", "------", "------"));
        for (Line l : lines) {
            out.append(String.format(fmt, l.name(), l.value(), l.expected() == null ? "" : l.expected(),
                    l.expected() == null ? "info" : l.ok() ? "ok" : "FAIL", l.detail() == null ? "" : l.detail()));
        }
        return out.toString();
    }
}
