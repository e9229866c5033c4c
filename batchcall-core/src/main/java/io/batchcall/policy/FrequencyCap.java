package io.batchcall.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * At most {@code perDay} dial attempts to one number in any rolling 24 hours and at most
 * {@code perWeek} in any rolling 7 days, per account and across all its batches. 0 turns a limit
 * off; {@link #off()} (the default) costs nothing at dial time.
 *
 * <p>{@link #decide} is the rule: a pure function of the number's recent dial instants. A store
 * keeps those instants per (account, number) and applies the decision atomically, so two nodes
 * dialing one number at the same moment cannot both pass.
 *
 * @param perDay the most dials per rolling 24 h, 0 for no daily limit
 * @param perWeek the most dials per rolling 7 days, 0 for no weekly limit
 */
public record FrequencyCap(int perDay, int perWeek) {
    /** The rolling day. */
    public static final Duration DAY = Duration.ofHours(24);
    /** The rolling week. */
    public static final Duration WEEK = Duration.ofDays(7);

    /**
     * Validates the components (see the record description).
     *
     * @param perDay the most dials per rolling 24 h, 0 to 1000
     * @param perWeek the most dials per rolling 7 days, 0 to 1000
     * @throws IllegalArgumentException if a limit is out of range
     */
    public FrequencyCap {
        if (perDay < 0 || perDay > 1000) {
            throw new IllegalArgumentException("frequency cap perDay must be between 0 and 1000, but was " + perDay);
        }
        if (perWeek < 0 || perWeek > 1000) {
            throw new IllegalArgumentException("frequency cap perWeek must be between 0 and 1000, but was " + perWeek);
        }
    }

    /**
     * No cap (the default).
     *
     * @return the cap with both limits off
     */
    public static FrequencyCap off() {
        return new FrequencyCap(0, 0);
    }

    /**
     * Whether both limits are off.
     *
     * @return true when no dial is ever refused
     */
    public boolean isOff() {
        return perDay == 0 && perWeek == 0;
    }

    /**
     * The rule: may the number be dialed at {@code now}, given its recent dials?
     *
     * @param recent earlier dial instants of the number for the account, any order; instants more
     *     than 7 days old are ignored
     * @param now the instant of the dial
     * @return allowed (with the history to store, {@code now} included), or refused with the
     *     earliest instant at which a dial would be allowed (the history to store unchanged)
     */
    public Decision decide(List<Instant> recent, Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        List<Instant> kept = new ArrayList<>();
        for (Instant t : Objects.requireNonNull(recent, "recent must not be null")) {
            if (t.isAfter(now.minus(WEEK))) {
                kept.add(t);
            }
        }
        kept.sort(null);
        Instant allowedAt = now;
        allowedAt = later(allowedAt, freeAt(kept, now, DAY, perDay));
        allowedAt = later(allowedAt, freeAt(kept, now, WEEK, perWeek));
        if (allowedAt.isAfter(now)) {
            return new Decision(false, allowedAt, trim(kept));
        }
        kept.add(now);
        kept.sort(null);
        return new Decision(true, now, trim(kept));
    }

    /** When fewer than {@code limit} of the dials lie in {@code (t - span, t]}: {@code now} if already. */
    private static Instant freeAt(List<Instant> sorted, Instant now, Duration span, int limit) {
        if (limit == 0) {
            return now;
        }
        List<Instant> inSpan = sorted.stream().filter(t -> t.isAfter(now.minus(span))).toList();
        if (inSpan.size() < limit) {
            return now;
        }
        // The dial that must leave the span for the count to drop below the limit.
        return inSpan.get(inSpan.size() - limit).plus(span);
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** Only the latest max(perDay, perWeek) dials can ever matter. */
    private List<Instant> trim(List<Instant> sorted) {
        int keep = Math.max(Math.max(perDay, perWeek), 1);
        return List.copyOf(sorted.subList(Math.max(0, sorted.size() - keep), sorted.size()));
    }

    /**
     * What {@link #decide} decided.
     *
     * @param allowed whether the dial may go ahead
     * @param allowedAt {@code now} when allowed; else the earliest instant a dial would be allowed
     * @param history the dial instants to store for the number, oldest first
     */
    public record Decision(boolean allowed, Instant allowedAt, List<Instant> history) {
        /**
         * Validates the components.
         *
         * @param allowed whether the dial may go ahead
         * @param allowedAt when a dial is allowed; not null
         * @param history the instants to store; not null
         * @throws NullPointerException if allowedAt or history is null
         */
        public Decision {
            Objects.requireNonNull(allowedAt, "allowedAt must not be null");
            history = List.copyOf(history);
        }
    }
}
