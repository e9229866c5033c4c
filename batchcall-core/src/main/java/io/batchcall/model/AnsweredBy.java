package io.batchcall.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Who or what answered a call, as the carrier's answering-machine detection reported it. Recorded
 * on the {@link CallAttempt}; its wire name is the lower-case constant name.
 */
public enum AnsweredBy {
    /** A person answered. */
    HUMAN,
    /** An answering machine or voicemail answered. */
    MACHINE,
    /** A fax machine answered. */
    FAX,
    /** The carrier could not tell. */
    UNKNOWN;

    /**
     * The name used on the wire and in storage.
     *
     * @return the lower-case constant name, e.g. {@code machine}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this is a definite answer (human, machine or fax), which later reports never replace.
     *
     * @return false only for {@link #UNKNOWN}
     */
    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /**
     * The value with this wire name.
     *
     * @param wireName {@code human}, {@code machine}, {@code fax} or {@code unknown}
     * @return the value
     * @throws IllegalArgumentException naming the value when it is none of them
     */
    public static AnsweredBy fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException(
                "answeredBy must be human, machine, fax or unknown, but was '" + wireName + "'"));
    }

    /**
     * The value with this wire name, if there is one.
     *
     * @param wireName a wire name; may be null
     * @return the value, or empty when none has that name
     */
    public static Optional<AnsweredBy> find(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (AnsweredBy a : values()) {
            if (a.wireName().equals(wireName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an attempt that has recorded {@code current} takes {@code reported}: the first known
     * value is kept; {@code unknown} is replaced only by a known value.
     *
     * @param current what the attempt holds; null when nothing was reported yet
     * @param reported what the carrier reports now; null for nothing
     * @return true when {@code reported} is to be recorded
     */
    public static boolean replaces(AnsweredBy current, AnsweredBy reported) {
        if (reported == null || reported == current) {
            return false;
        }
        return current == null || (!current.isKnown() && reported.isKnown());
    }
}
