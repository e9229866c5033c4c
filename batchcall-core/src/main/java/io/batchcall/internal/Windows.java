package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.ZoneKey;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluates a batch's call window, for the batch as a whole or per recipient zone. */
final class Windows {
    private Windows() {
    }

    /**
     * The one rule for pausing on the window: a running batch pauses {@code outside_window} when
     * its window is closed now. A batch that evaluates the window in each recipient's zone never
     * pauses as a whole: each recipient waits for its own hours.
     */
    static boolean closedFor(Batch b, Instant now) {
        return !b.spec().recipientLocalTime() && !b.spec().window().isOpen(now);
    }

    /**
     * The zone keys of pending recipients whose calling hours are open now. A key with several
     * zones is open only when the window is open in all of them; an empty key (zone unknown)
     * follows the batch window's own zone.
     */
    static Set<String> openZoneKeys(Batch b, RecipientStore recipients, Instant now) {
        CallWindow w = b.spec().window();
        Set<String> open = new HashSet<>();
        for (String key : recipients.pendingZoneKeys(b.id())) {
            if (openInAll(w, ZoneKey.zones(key), now)) {
                open.add(key);
            }
        }
        return open;
    }

    static boolean openInAll(CallWindow w, List<ZoneId> zones, Instant now) {
        if (zones.isEmpty()) {
            return w.isOpen(now);
        }
        for (ZoneId z : zones) {
            if (!new CallWindow(w.start(), w.end(), w.days(), z).isOpen(now)) {
                return false;
            }
        }
        return true;
    }
}
