package io.batchcall.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What came of a call, as the host (its agent, its IVR) reported it: a code from the batch's
 * allowed {@link DispositionCode}s and a small map of data (a summary, a recording URL).
 * Recorded once per attempt.
 *
 * @param code the reported code, 1-64 characters of letters, digits, {@code _ - . :}
 * @param data at most {@value #MAX_ENTRIES} entries; keys 1-64 characters, values at most
 *     {@value #MAX_VALUE_LENGTH} characters; stored sorted by key
 * @param at when it was recorded; null before it is stored
 */
public record Disposition(String code, Map<String, String> data, Instant at) {
    /** The most data entries a disposition may carry. */
    public static final int MAX_ENTRIES = 20;
    /** The longest data value, in characters. */
    public static final int MAX_VALUE_LENGTH = 2000;
    /** The data key that asks for a call back at an ISO-8601 instant, e.g. {@code 2026-05-04T16:00:00Z}. */
    public static final String CALLBACK_AT = "callback_at";

    /**
     * Validates the components (see the record description).
     *
     * @param code the reported code
     * @param data the data; null reads as empty
     * @param at when it was recorded; may be null
     * @throws IllegalArgumentException naming the field, the rule and the value when one breaks it
     */
    public Disposition {
        DispositionCode.checkCode("disposition code", code);
        Map<String, String> sorted = new TreeMap<>();
        if (data != null) {
            if (data.size() > MAX_ENTRIES) {
                throw new IllegalArgumentException("disposition data must have at most " + MAX_ENTRIES
                        + " entries, but had " + data.size());
            }
            for (Map.Entry<String, String> e : data.entrySet()) {
                String key = e.getKey();
                if (key == null || key.isEmpty() || key.length() > 64) {
                    throw new IllegalArgumentException("disposition data keys must be 1-64 characters, but one was "
                            + (key == null ? "null" : key.length() + " characters"));
                }
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("disposition data value of '" + key + "' must not be null");
                }
                if (e.getValue().length() > MAX_VALUE_LENGTH) {
                    throw new IllegalArgumentException("disposition data value of '" + key + "' must be at most "
                            + MAX_VALUE_LENGTH + " characters, but was " + e.getValue().length());
                }
                sorted.put(key, e.getValue());
            }
        }
        data = Collections.unmodifiableMap(sorted);
        if (sorted.containsKey(CALLBACK_AT)) {
            parseCallback(sorted.get(CALLBACK_AT));
        }
    }

    /**
     * A disposition not yet recorded.
     *
     * @param code the reported code
     * @param data the data; may be null
     * @return the disposition, {@code at} null
     * @throws IllegalArgumentException if a value breaks the record's rules
     */
    public static Disposition of(String code, Map<String, String> data) {
        return new Disposition(code, data, null);
    }

    /**
     * The call back the data asks for ({@value #CALLBACK_AT}), if any.
     *
     * @return the instant to call back, or empty
     */
    public Optional<Instant> callbackAt() {
        String v = data.get(CALLBACK_AT);
        return v == null ? Optional.empty() : Optional.of(parseCallback(v));
    }

    /**
     * Whether {@code other} reports the same thing (code and data; the time is ignored).
     *
     * @param other another disposition
     * @return true when code and data are equal
     */
    public boolean sameAs(Disposition other) {
        return other != null && code.equals(other.code) && data.equals(other.data);
    }

    /**
     * This disposition recorded at {@code when}.
     *
     * @param when the recording time
     * @return a copy with {@code at} set
     */
    public Disposition recordedAt(Instant when) {
        return new Disposition(code, data, Objects.requireNonNull(when, "when must not be null"));
    }

    private static Instant parseCallback(String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("disposition data value of '" + CALLBACK_AT
                    + "' must be an ISO-8601 instant such as 2026-05-04T16:00:00Z, but was '" + v + "'");
        }
    }
}
