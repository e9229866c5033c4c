package io.batchcall.benchmarks.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options, with typed getters and defaults. */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("option must start with --, but was '" + a + "'");
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    Options with(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    long getLong(String name, long fallback) {
        String v = values.get(name);
        return v == null ? fallback : Long.parseLong(v.trim());
    }

    int getInt(String name, int fallback) {
        return (int) getLong(name, fallback);
    }

    double getDouble(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v.trim());
    }

    boolean getBool(String name, boolean fallback) {
        String v = values.get(name);
        return v == null ? fallback : Boolean.parseBoolean(v.trim());
    }

    /** Back to {@code --name value} pairs, for a child process. */
    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            out.add("--" + k);
            out.add(v);
        });
        return out;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
