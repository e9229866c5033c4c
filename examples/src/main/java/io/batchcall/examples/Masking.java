package io.batchcall.examples;

import io.batchcall.model.PhoneNumber;

/**
 * Phone numbers as the examples print them: only the last four digits, the rest starred
 * ({@code +14155552671} → {@code +*******2671}), so a demo log or screenshot leaks no number.
 * (A stand-in until core offers its own masking.)
 */
final class Masking {
    private Masking() {
    }

    static String phone(PhoneNumber number) {
        String e164 = number.e164();
        int keep = Math.min(4, e164.length() - 1);
        return "+" + "*".repeat(e164.length() - 1 - keep) + e164.substring(e164.length() - keep);
    }
}
