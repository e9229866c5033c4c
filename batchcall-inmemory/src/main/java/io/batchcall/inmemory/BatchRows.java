package io.batchcall.inmemory;

import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One batch's recipients and the indexes kept over them. Guarded by the {@link State} lock. */
final class BatchRows {
    /** The claim order: oldest {@code notBefore}, then lowest id. */
    static final Comparator<Recipient> DUE_ORDER =
            Comparator.comparing(Recipient::notBefore).thenComparing(Recipient::id);

    final TreeMap<Long, Recipient> byId = new TreeMap<>();
    final Set<String> phones = new HashSet<>();
    final TreeSet<Recipient> pending = new TreeSet<>(DUE_ORDER);
    final EnumMap<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
    int active;

    /** Removes {@code old} from the indexes (if not null) and adds {@code next} (if not null). */
    void replace(Recipient old, Recipient next) {
        if (old != null) {
            byId.remove(old.id().value());
            phones.remove(old.phone().e164());
            if (old.status() == RecipientStatus.PENDING) {
                pending.remove(old);
            }
            counts.merge(old.status(), -1L, Long::sum);
            active -= old.status().isActive() ? 1 : 0;
        }
        if (next != null) {
            byId.put(next.id().value(), next);
            phones.add(next.phone().e164());
            if (next.status() == RecipientStatus.PENDING) {
                pending.add(next);
            }
            counts.merge(next.status(), 1L, Long::sum);
            active += next.status().isActive() ? 1 : 0;
        }
    }
}
