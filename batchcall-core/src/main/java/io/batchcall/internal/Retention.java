package io.batchcall.internal;

import io.batchcall.spi.ContactStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges events and attempts of batches finished longer ago than the retention, a few small
 * statements per engine step (at most {@link ContactSettings#PURGE_PER_STEP} rows, in statements of
 * {@link ContactSettings#PURGE_CHUNK}), at most once per {@code interval}, so it never holds locks
 * long nor delays dialing. Off when the retention is null.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ContactStore contacts;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private Instant nextRun = Instant.MIN;

    Retention(ContactStore contacts, Duration retention, Duration interval, Clock clock) {
        this.contacts = contacts;
        this.retention = retention;
        this.interval = interval;
        this.clock = clock;
    }

    /** Purges one step's share; returns the rows deleted. */
    synchronized int step() {
        if (retention == null || contacts == null) {
            return 0;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextRun)) {
            return 0;
        }
        Instant cutoff = now.minus(retention);
        int total = 0;
        while (total < ContactSettings.PURGE_PER_STEP) {
            int n = contacts.purge(cutoff, ContactSettings.PURGE_CHUNK);
            total += n;
            if (n < ContactSettings.PURGE_CHUNK) {
                nextRun = now.plus(interval);
                break;
            }
        }
        if (total > 0) {
            LOG.info("retention: purged {} events and attempts of batches finished before {}", total, cutoff);
        }
        return total;
    }
}
