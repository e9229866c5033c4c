package io.batchcall.spi;

import io.batchcall.model.PhoneNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's suppression (do-not-call) list.
 *
 * @param phone the number never to call
 * @param reason why, e.g. {@code do_not_call request}; at most 200 characters
 * @param source who added it, e.g. {@code host}, {@code import}, {@code opt_out}; at most 64 characters
 * @param at when it was added
 */
public record Suppression(PhoneNumber phone, String reason, String source, Instant at) {
    /**
     * Validates the components (see the record description).
     *
     * @param phone the number; not null
     * @param reason why; not blank, at most 200 characters
     * @param source who added it; not blank, at most 64 characters
     * @param at when; not null
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public Suppression {
        Objects.requireNonNull(phone, "phone must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new IllegalArgumentException("suppression reason must be 1-200 characters, but was '" + reason + "'");
        }
        if (source == null || source.isBlank() || source.length() > 64) {
            throw new IllegalArgumentException("suppression source must be 1-64 characters, but was '" + source + "'");
        }
    }
}
