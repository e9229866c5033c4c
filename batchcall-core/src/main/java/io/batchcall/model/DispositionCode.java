package io.batchcall.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One outcome code a batch allows its host to report for an attempt (see {@link Disposition}).
 *
 * @param code the code: 1-64 characters of letters, digits, {@code _ - . :}
 * @param label a human-readable label, at most 200 characters; may be null
 * @param optOut whether this code means the person asked not to be called again
 */
public record DispositionCode(String code, String label, boolean optOut) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /**
     * Validates the components (see the record description).
     *
     * @param code the code: 1-64 characters of letters, digits, {@code _ - . :}
     * @param label a human-readable label, at most 200 characters; may be null
     * @param optOut whether this code means the person asked not to be called again
     * @throws IllegalArgumentException naming the field and the value when one breaks its rule
     */
    public DispositionCode {
        checkCode("code", code);
        if (label != null && label.length() > 200) {
            throw new IllegalArgumentException("label of disposition code " + code
                    + " must be at most 200 characters, but was " + label.length());
        }
    }

    /**
     * A code without label that is not an opt-out.
     *
     * @param code the code
     * @return the allowed code
     * @throws IllegalArgumentException if the code breaks the record's rule
     */
    public static DispositionCode of(String code) {
        return new DispositionCode(code, null, false);
    }

    /**
     * Checks a disposition code's form.
     *
     * @param field the field name used in the message
     * @param code the code to check
     * @throws IllegalArgumentException naming the field and the value when it is not 1-64 characters of
     *     letters, digits, {@code _ - . :}
     */
    static void checkCode(String field, String code) {
        Objects.requireNonNull(code, field + " must not be null");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(field + " must be 1-64 characters of letters, digits, '_', '-', '.' "
                    + "or ':', but was '" + (code.length() > 80 ? code.substring(0, 80) + "…" : code) + "' ("
                    + code.length() + " characters)");
        }
    }
}
