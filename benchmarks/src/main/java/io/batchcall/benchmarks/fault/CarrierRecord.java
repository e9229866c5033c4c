package io.batchcall.benchmarks.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fake carrier's log read back: its calls and the faults it injected. */
final class CarrierRecord {
    /** One call as the carrier knows it; {@code endMs} is -1 while it has not ended. */
    static final class Call {
        final String sid;
        final String to;
        final String from;
        final long attempt;
        final long createdMs;
        long endMs = -1;
        String status = "live";
        int duration;

        Call(String sid, String to, String from, long attempt, long createdMs) {
            this.sid = sid;
            this.to = to;
            this.from = from;
            this.attempt = attempt;
            this.createdMs = createdMs;
        }
    }

    final Map<String, Call> calls = new LinkedHashMap<>();
    final Map<String, Integer> faults = new TreeMap<>();
    /** Genuine callbacks that no engine took: "undelivered" (no 2xx after retries), "refused-genuine". */
    final Map<String, Integer> delivery = new TreeMap<>();
    /** "forgedSid HTTP 200" → count. */
    final Map<String, Integer> forged = new TreeMap<>();

    static CarrierRecord read(Path log) throws IOException {
        CarrierRecord r = new CarrierRecord();
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "CREATE" -> r.calls.put(f[1], new Call(f[1], f[2], f[3], Long.parseLong(f[4]),
                        Long.parseLong(f[5])));
                case "END" -> {
                    Call c = r.calls.get(f[1]);
                    if (c != null) {
                        c.status = f[2];
                        c.endMs = Long.parseLong(f[3]);
                        c.duration = Integer.parseInt(f[4]);
                    }
                }
                case "FAULT" -> (f[1].equals("undelivered") || f[1].equals("refused-genuine") ? r.delivery : r.faults)
                        .merge(f[1], 1, Integer::sum);
                case "FORGED" -> r.forged.merge(f[1] + " answered HTTP " + f[3], 1, Integer::sum);
                default -> { }
            }
        }
        return r;
    }
}
