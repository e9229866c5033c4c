package io.batchcall.csv.internal;

/**
 * An E.164 number as a {@code long}: its digits. E.164 has at most 15 digits and never starts with
 * 0, so the mapping is exact and one-to-one, and the value is always positive.
 */
public final class E164Keys {
    private E164Keys() {
    }

    /** The key of {@code e164} ({@code +} then 2-15 digits, no leading zero), or -1 if it is not E.164. */
    public static long key(String e164) {
        if (e164 == null || e164.length() < 3 || e164.length() > 16 || e164.charAt(0) != '+'
                || e164.charAt(1) == '0') {
            return -1;
        }
        long key = 0;
        for (int i = 1; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            key = key * 10 + (c - '0');
        }
        return key;
    }
}
