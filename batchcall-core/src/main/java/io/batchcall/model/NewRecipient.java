package io.batchcall.model;

import java.util.Map;
import java.util.Objects;

/**
 * A recipient to be added to a batch.
 *
 * @param phone the number to call
 * @param name display name; may be empty, never null
 * @param variables per-recipient values passed to the call (original CSV header → value), in
 *     column order
 * @param zoneKey the recipient's time zones for per-recipient calling hours as IANA ids sorted and
 *     joined by {@code ,} (see {@link ZoneKey}); empty when unknown
 */
public record NewRecipient(PhoneNumber phone, String name, Map<String, String> variables, String zoneKey) {
    /**
     * Validates the components (see the record description).
     *
     * @param phone the number to call
     * @param name display name; may be empty, never null
     * @param variables per-recipient values passed to the call (original CSV header → value), in column order
     * @param zoneKey the recipient's time zones for per-recipient calling hours as IANA ids sorted and joined
     *     by {@code ,} (see {@link ZoneKey}); empty when unknown
     * @throws NullPointerException if phone is null
     */
    public NewRecipient {
        Objects.requireNonNull(phone, "phone must not be null");
        name = name == null ? "" : name;
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(variables));
        zoneKey = zoneKey == null ? "" : zoneKey;
    }

    /**
     * A recipient without variables, evaluated in the window's zone.
     *
     * @param phone the number to call; not null
     * @param name display name; null becomes empty
     * @return the recipient
     */
    public static NewRecipient of(PhoneNumber phone, String name) {
        return new NewRecipient(phone, name, Map.of(), "");
    }
}
