package io.batchcall.benchmarks.fault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** One call at the fake carrier: what Twilio's Call resource shows, on the carrier's (skewed) clock. */
final class CarrierCall {
    static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Set<String> ENDED = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    final String sid;
    final String to;
    final String from;
    final String statusCallback;
    /** The attempt named in the StatusCallback URL (evidence the audit uses); -1 if none. */
    final long attempt;
    final long trueCreatedMs;
    final Instant created;
    final AtomicInteger sequence = new AtomicInteger();
    volatile String status = "queued";
    volatile Instant started;
    volatile Instant ended;
    volatile long answeredTrueMs;
    volatile int durationSeconds;

    CarrierCall(String sid, String to, String from, String statusCallback, long attempt, long trueCreatedMs,
            Instant created) {
        this.sid = sid;
        this.to = to;
        this.from = from;
        this.statusCallback = statusCallback;
        this.attempt = attempt;
        this.trueCreatedMs = trueCreatedMs;
        this.created = created;
    }

    boolean ended() {
        return ENDED.contains(status);
    }

    /** When it started, else when it was created: what Twilio sorts and filters by. */
    Instant startedOrNull() {
        return started;
    }

    String json(String accountSid) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + accountSid + "\",\"to\":\"" + to + "\",\"from\":\""
                + from + "\",\"status\":\"" + status + "\",\"date_created\":\"" + RFC_2822.format(created)
                + "\",\"date_updated\":\"" + RFC_2822.format(ended != null ? ended : created)
                + "\",\"start_time\":" + time(started) + ",\"end_time\":" + time(ended)
                + ",\"duration\":" + (ended() ? "\"" + durationSeconds + "\"" : "null")
                + ",\"direction\":\"outbound-api\",\"answered_by\":null,\"price\":null,\"parent_call_sid\":null"
                + ",\"api_version\":\"2010-04-01\",\"uri\":\"/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid
                + ".json\"}";
    }

    private static String time(Instant t) {
        return t == null ? "null" : "\"" + RFC_2822.format(t) + "\"";
    }
}
