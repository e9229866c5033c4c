package io.batchcall.internal;

import io.batchcall.model.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls-per-second pacing per from-number (carriers limit it; Twilio's default is 1): a token
 * bucket per number holding at most one second's worth of dials. Rates are per engine node: on
 * several nodes, give each its share. A rate of zero turns pacing off. Thread-safe.
 */
final class Pacer {
    private final double perSecond;
    private final Map<PhoneNumber, Bucket> buckets = new HashMap<>();

    Pacer(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes up to {@code wanted} dials for {@code from} now; returns how many may start. */
    synchronized int take(PhoneNumber from, int wanted, Instant now) {
        if (perSecond <= 0) {
            return wanted;
        }
        double capacity = Math.max(1, perSecond);
        Bucket b = buckets.computeIfAbsent(from, k -> new Bucket(capacity, now));
        double elapsed = Math.max(0, Duration.between(b.last, now).toNanos() / 1e9);
        b.tokens = Math.min(capacity, b.tokens + elapsed * perSecond);
        b.last = now.isAfter(b.last) ? now : b.last;
        int granted = (int) Math.min(wanted, Math.floor(b.tokens));
        b.tokens -= granted;
        return granted;
    }

    /** Gives back dials taken but not placed. */
    synchronized void giveBack(PhoneNumber from, int unused) {
        Bucket b = buckets.get(from);
        if (perSecond > 0 && b != null && unused > 0) {
            b.tokens = Math.min(Math.max(1, perSecond), b.tokens + unused);
        }
    }

    private static final class Bucket {
        double tokens;
        Instant last;

        Bucket(double tokens, Instant last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
